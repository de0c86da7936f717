using System.Net;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Tests.Access;

/// <summary>A back office with one item, so that an item's page exists.</summary>
public sealed class OneItemBackOffice : BackOfficeFactory, IAsyncLifetime
{
    public string Reference { get; private set; } = string.Empty;

    public async Task InitializeAsync() => Reference = (await this.ImportAsync(new Sample("The wait was long"))).Single();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>Every back-office route, for each role and for nobody signed in: who may see what.</summary>
public sealed class RoleMatrixTests(OneItemBackOffice backOffice) : IClassFixture<OneItemBackOffice>
{
    private const string Anonymous = "(not signed in)";
    private const string Item = "{item}";
    private const string NoSuchItem = "/inbox/QV-2222-2222";

    private static readonly string[] Everyone = [StaffRoles.Administrator, StaffRoles.QualityTeam, StaffRoles.EngagementTeam, StaffRoles.FtsuGuardian];
    private static readonly string[] Triage = [StaffRoles.Administrator, StaffRoles.QualityTeam, StaffRoles.EngagementTeam];
    private static readonly string[] Administrators = [StaffRoles.Administrator];
    private static readonly string[] Importers = [StaffRoles.QualityTeam, StaffRoles.Administrator];
    private static readonly string[] Publishers = [StaffRoles.QualityTeam, StaffRoles.EngagementTeam];
    private static readonly string[] Guardians = [StaffRoles.FtsuGuardian];
    private static readonly string[] Reporters = [StaffRoles.QualityTeam, StaffRoles.EngagementTeam, StaffRoles.Administrator];

    /// <summary>Each route and the roles that may open it; for the others it is 403, and for nobody a trip to sign in.</summary>
    private static readonly (string Path, string[] Allowed, HttpStatusCode WhenAllowed)[] Routes =
    [
        ("/", Everyone, HttpStatusCode.OK),
        ("/account", Everyone, HttpStatusCode.OK),
        ("/account/two-factor", Everyone, HttpStatusCode.OK),
        ("/inbox", Triage, HttpStatusCode.OK),
        ("/inbox?status=new&sentiment=negative", Triage, HttpStatusCode.OK),
        ("/inbox/" + Item, Triage, HttpStatusCode.OK),
        (NoSuchItem, Triage, HttpStatusCode.NotFound),
        ("/inbox/not-a-reference", Triage, HttpStatusCode.NotFound),
        ("/dashboard", Triage, HttpStatusCode.OK),
        ("/dashboard?from=2026-01&service=rtd-ae", Triage, HttpStatusCode.OK),
        ("/exports", Triage, HttpStatusCode.OK),
        ("/exports/feedback.csv", Triage, HttpStatusCode.OK),
        ("/exports/feedback.xlsx", Triage, HttpStatusCode.OK),
        ("/exports/fft-return.csv", Triage, HttpStatusCode.OK),
        ("/exports/fft-return.xlsx", Triage, HttpStatusCode.OK),
        ("/exports/training.csv", Triage, HttpStatusCode.OK),
        ("/exports/urgency-training.csv", Triage, HttpStatusCode.OK),
        ("/updates", Publishers, HttpStatusCode.OK),
        ("/updates/new", Publishers, HttpStatusCode.OK),
        ("/updates/no-such-update", Publishers, HttpStatusCode.NotFound),
        ("/speak-up", Guardians, HttpStatusCode.OK),
        ("/speak-up/data-return", Guardians, HttpStatusCode.OK),
        ("/speak-up/data-return?handler=Csv", Guardians, HttpStatusCode.OK),
        ("/speak-up/insights-pack", Guardians, HttpStatusCode.OK),
        ("/speak-up/SU-2222-2222", Guardians, HttpStatusCode.NotFound),
        ("/admin/users", Administrators, HttpStatusCode.OK),
        ("/admin/audit", Administrators, HttpStatusCode.OK),
        ("/admin/api-clients", Administrators, HttpStatusCode.OK),
        ("/imports", Importers, HttpStatusCode.OK),
        ("/reports", Reporters, HttpStatusCode.OK),
        ("/reports/weekly", Reporters, HttpStatusCode.OK),
        ("/reports/weekly?week=2026-11-18", Reporters, HttpStatusCode.OK),
        ("/reports/weekly?week=18-11-2026", Reporters, HttpStatusCode.BadRequest),
        ("/reports/service", Reporters, HttpStatusCode.OK),
        ("/reports/intelligence", Reporters, HttpStatusCode.OK),
        ("/reports/outreach", Reporters, HttpStatusCode.OK),
        ("/reports/kept", Reporters, HttpStatusCode.OK),
        ("/reports/weekly?kept=no-such-report", Reporters, HttpStatusCode.NotFound),
        ("/reports/service?kept=no-such-report", Reporters, HttpStatusCode.NotFound),
        ("/reports/service?service=rtd-ae&from=2026-01&to=2026-03", Reporters, HttpStatusCode.OK),
    ];

    public static TheoryData<string, string, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        foreach (var (path, allowed, whenAllowed) in Routes)
        {
            data.Add(path, Anonymous, HttpStatusCode.Redirect);
            foreach (var role in Everyone)
            {
                data.Add(path, role, allowed.Contains(role) ? whenAllowed : HttpStatusCode.Forbidden);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_route_answers_each_role_as_its_policy_says(string path, string role, HttpStatusCode expected)
    {
        var browser = role == Anonymous ? backOffice.CreateBrowser() : await backOffice.SignInAsync(role);

        using var response = await browser.GetAsync(new Uri(path.Replace(Item, backOffice.Reference, StringComparison.Ordinal), UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(StaffRoles.FtsuGuardian, "/inbox")]
    [InlineData(StaffRoles.QualityTeam, "/admin/users")]
    [InlineData(StaffRoles.QualityTeam, "/admin/api-clients?handler=Issue")]
    [InlineData(StaffRoles.FtsuGuardian, "/admin/api-clients?handler=Revoke")]
    [InlineData(StaffRoles.EngagementTeam, "/imports")]
    public async Task A_change_posted_without_the_role_is_refused_too(string role, string path)
    {
        var browser = await backOffice.SignInAsync(role);

        using var response = await browser.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{path} answered {response.StatusCode}");
    }

    [Fact]
    public async Task The_menu_offers_only_what_the_role_may_open()
    {
        var guardian = await (await backOffice.SignInAsync(StaffRoles.FtsuGuardian)).GetStringAsync(new Uri("/", UriKind.Relative));
        var quality = await (await backOffice.SignInAsync(StaffRoles.QualityTeam)).GetStringAsync(new Uri("/", UriKind.Relative));
        var administrator = await (await backOffice.SignInAsync(StaffRoles.Administrator)).GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.DoesNotContain("href=\"/inbox\"", guardian, StringComparison.Ordinal);
        Assert.Contains("href=\"/inbox\"", quality, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/audit\"", quality, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/audit\"", administrator, StringComparison.Ordinal);
    }
}
