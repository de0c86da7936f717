using System.Net;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Storage;

/// <summary>
/// With Azure Cosmos DB as the feedback store the back office starts, signs staff in and keeps the audit log;
/// triage, the dashboard and downloads say plainly that they are not available on that store yet.
/// </summary>
public sealed class CosmosBackOfficeTests : IAsyncLifetime
{
    private CosmosDbServer _account = null!;
    private CosmosBackOffice _backOffice = null!;

    public async Task InitializeAsync()
    {
        _account = await CosmosDbServer.StartAsync();
        _backOffice = new CosmosBackOffice(_account);
    }

    public async Task DisposeAsync()
    {
        await _backOffice.DisposeAsync();
        await _account.DisposeAsync();
    }

    [Fact]
    public async Task Triage_pages_answer_501_with_a_page_that_says_why_and_the_rest_works()
    {
        var browser = await _backOffice.SignInAsync(StaffRoles.Administrator);

        using var ready = await browser.GetAsync(new Uri("/health/ready", UriKind.Relative));
        await ready.ShouldBeAsync(HttpStatusCode.OK);
        foreach (var path in new[] { "/inbox", "/inbox/QV-2222-2222", "/dashboard", "/exports/feedback.csv" })
        {
            using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
            await response.ShouldBeAsync(HttpStatusCode.NotImplemented);
            Assert.Equal("This is not available with this ICB's storage yet", (await response.ReadPageAsync()).QuerySelector("h1")!.TextContent.Trim());
        }

        using var users = await browser.GetAsync(new Uri("/admin/users", UriKind.Relative));
        await users.ShouldBeAsync(HttpStatusCode.OK);

        // The to-do list leaves out what this store cannot count yet, rather than failing.
        var home = await browser.GetPageAsync("/");
        Assert.Equal("Your to-do list", home.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(home.QuerySelector("[data-testid=to-do-urgent]"));
    }

    private sealed class CosmosBackOffice(CosmosDbServer account) : BackOfficeFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Feedback:Store"] = "Cosmos",
            ["Feedback:Cosmos:Endpoint"] = account.Endpoint.ToString(),
            ["Feedback:Cosmos:Key"] = account.Key,
            ["Feedback:Cosmos:Database"] = "qv-backoffice-" + Guid.NewGuid().ToString("N")[..8],
            ["Feedback:Cosmos:AcceptAnyServerCertificate"] = account.IsProtocolPeer ? "true" : "false",
        };
    }
}
