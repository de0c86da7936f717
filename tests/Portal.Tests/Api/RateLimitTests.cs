using System.Net;
using System.Text;

namespace QualityVoice.Portal.Tests.Api;

public sealed class RateLimitTests(RateLimitTests.TightPortalFactory portal) : IClassFixture<RateLimitTests.TightPortalFactory>
{
    [Fact]
    public async Task Over_the_limit_the_api_answers_429_with_retry_after()
    {
        var client = portal.CreateBrowser();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await client.PostAsync(new Uri("/api/v1/feedback", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        last.Dispose();
    }

    [Fact]
    public async Task Over_the_limit_a_person_sees_a_page_that_explains()
    {
        var client = portal.CreateBrowser();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await client.GetAsync(new Uri("/track", UriKind.Relative));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Contains("Too many attempts", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        last.Dispose();
    }

    [Fact]
    public async Task One_of_two_instances_allows_its_share_of_a_limit_so_that_two_together_allow_the_limit()
    {
        await using var half = new HalfOfTwoPortalFactory();
        var client = half.CreateBrowser();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(new Uri("/track", UriKind.Relative));
            answers.Add(response.StatusCode);
        }

        // A limit of four a minute for the service: two here, two on the other instance.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    /// <summary>One of two portal instances, with a /track limit of four for the service.</summary>
    public sealed class HalfOfTwoPortalFactory : PortalFactory
    {
        /// <inheritdoc />
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["RateLimits:TrackingAttemptsPerMinute"] = "4",
            ["RateLimits:Instances"] = "2",
        };
    }

    /// <summary>A portal with limits of two.</summary>
    public sealed class TightPortalFactory : PortalFactory
    {
        /// <inheritdoc />
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["RateLimits:PublicApiRequestsPerMinute"] = "2",
            ["RateLimits:TrackingAttemptsPerMinute"] = "2",
        };
    }
}
