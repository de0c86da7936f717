using System.Net;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Accounts;

/// <summary>The back office with its real ceiling on sign-in posts, lowered to three a minute.</summary>
public sealed class TightSignInBackOffice : BackOfficeFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["RateLimits:SignInAttemptsPerMinute"] = "3" };
}

public sealed class SignInRateLimitTests(TightSignInBackOffice backOffice) : IClassFixture<TightSignInBackOffice>
{
    [Fact]
    public async Task One_client_posting_to_sign_in_too_often_is_told_to_wait_whatever_the_addresses()
    {
        var client = backOffice.CreateBrowser(peer: "203.0.113.50");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SubmitAsync(await client.GetPageAsync("/account/sign-in"), [new("Input.Email", $"spray{i}@example.nhs.uk"), new("Input.Password", "a guess at a password")]);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter is not null);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var other = backOffice.CreateBrowser(peer: "198.51.100.50");
        using var elsewhere = await other.SubmitAsync(
            await other.GetPageAsync("/account/sign-in"), [new("Input.Email", "someone@example.nhs.uk"), new("Input.Password", "a guess at a password")]);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }
}
