using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback.Audit;
using QualityVoice.Staff.Accounts;
using QualityVoice.Staff.EntraId;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Accounts;

/// <summary>The loopback Entra ID tenant and a back office that offers sign-in with it, shared by the tests.</summary>
public sealed class EntraIdFixture : IAsyncLifetime
{
    public LoopbackEntraId Entra { get; private set; } = null!;

    public EntraBackOffice BackOffice { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Entra = await LoopbackEntraId.StartAsync();
        BackOffice = new EntraBackOffice(Entra);
    }

    public async Task DisposeAsync()
    {
        await BackOffice.DisposeAsync();
        await Entra.DisposeAsync();
    }

    /// <summary>The back office with Entra ID configured, and two-factor sign-in required as in Production.</summary>
    public sealed class EntraBackOffice(LoopbackEntraId entra) : BackOfficeFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Staff:RequireTwoFactor"] = "true",
            ["Staff:EntraId:Instance"] = entra.Instance.ToString(),
            ["Staff:EntraId:TenantId"] = LoopbackEntraId.TenantId,
            ["Staff:EntraId:ClientId"] = LoopbackEntraId.ClientId,
            ["Staff:EntraId:ClientSecret"] = LoopbackEntraId.ClientSecret,
        };
    }
}

/// <summary>
/// Staff sign in with their organisation's Microsoft Entra ID (OpenID Connect against a loopback tenant that serves
/// Entra's documented discovery document, keys, authorize and token endpoints), with the roles its app roles assign.
/// </summary>
public sealed class EntraIdSignInTests(EntraIdFixture fixture) : IClassFixture<EntraIdFixture>
{
    private readonly LoopbackEntraId _entra = fixture.Entra;
    private readonly EntraIdFixture.EntraBackOffice _backOffice = fixture.BackOffice;

    [Fact]
    public async Task Staff_sign_in_with_their_NHS_account_and_open_what_their_app_role_allows()
    {
        var browser = _backOffice.CreateBrowser();

        var (landing, _) = await SignInWithEntraAsync(browser, new EntraPerson("oid-quality-1", "sam.quality@example.nhs.uk", "Sam Quality", [StaffRoles.QualityTeam], MultiFactor: true), "/dashboard");

        await landing.ShouldBeAsync(HttpStatusCode.OK);
        var page = await landing.ReadPageAsync();
        Assert.Equal("You are signed in", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("/dashboard", page.QuerySelector("main a.nhsuk-button")!.GetAttribute("href"));
        using var inbox = await browser.GetAsync(new Uri("/inbox", UriKind.Relative));
        await inbox.ShouldBeAsync(HttpStatusCode.OK);
        using var accounts = await browser.GetAsync(new Uri("/admin/users", UriKind.Relative));
        await accounts.ShouldBeAsync(HttpStatusCode.Forbidden);

        var (trail, _) = await _backOffice.Services.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(Subject: "sam.quality@example.nhs.uk"), 20);
        Assert.Contains(trail, entry => entry.Entry.Actor == EntraIdOptions.DisplayName && entry.Entry.Detail == "Added the account at its first sign-in");
        Assert.Contains(trail, entry => entry.Entry.Detail == "Gave the role Quality team, as assigned in Microsoft Entra ID");
    }

    [Fact]
    public async Task Roles_follow_the_directory_at_each_sign_in_and_a_session_with_a_role_taken_away_ends()
    {
        var person = new EntraPerson("oid-moving-1", "alex.moving@example.nhs.uk", "Alex Moving", [StaffRoles.QualityTeam], MultiFactor: true);
        var first = _backOffice.CreateBrowser();
        (await SignInWithEntraAsync(first, person)).Landing.Dispose();

        var second = _backOffice.CreateBrowser();
        (await SignInWithEntraAsync(second, person with { Roles = [StaffRoles.FtsuGuardian] })).Landing.Dispose();

        // A guardian assigned in the directory (where the organisation's own approvals apply) is one here at once.
        using var cases = await second.GetAsync(new Uri("/speak-up", UriKind.Relative));
        await cases.ShouldBeAsync(HttpStatusCode.OK);
        using var inbox = await second.GetAsync(new Uri("/inbox", UriKind.Relative));
        await inbox.ShouldBeAsync(HttpStatusCode.Forbidden);
        using var oldSession = await first.GetAsync(new Uri("/inbox", UriKind.Relative));
        await oldSession.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal("/account/sign-in", oldSession.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("password-account", "There is already a QualityVoice account for")]
    [InlineData("no-role", "Your account has no QualityVoice role")]
    [InlineData("other-tenant", "not one of this organisation's")]
    [InlineData("one-factor", "did not show one")]
    public async Task Someone_the_back_office_should_not_let_in_is_told_why_and_stays_signed_out(string who, string reason)
    {
        if (who == "password-account")
        {
            await _backOffice.CreateAccountAsync("existing.admin@example.nhs.uk", StaffRoles.Administrator);
        }

        var person = who switch
        {
            "password-account" => new EntraPerson("oid-takeover", "existing.admin@example.nhs.uk", "Takeover", [StaffRoles.QualityTeam], MultiFactor: true),
            "no-role" => new EntraPerson("oid-no-role", "no.role@example.nhs.uk", "No Role", [], MultiFactor: true),
            "other-tenant" => new EntraPerson("oid-elsewhere", "visitor@example.org", "Visitor", [StaffRoles.Administrator], MultiFactor: true, TenantId: Guid.NewGuid().ToString()),
            _ => new EntraPerson("oid-one-factor", "one.factor@example.nhs.uk", "One Factor", [StaffRoles.QualityTeam], MultiFactor: false),
        };
        var browser = _backOffice.CreateBrowser();

        var (landing, _) = await SignInWithEntraAsync(browser, person);

        await landing.ShouldBeAsync(HttpStatusCode.Forbidden);
        Assert.Contains(reason, (await landing.ReadPageAsync()).QuerySelector("[data-testid=problem]")!.TextContent, StringComparison.Ordinal);
        using var inbox = await browser.GetAsync(new Uri("/inbox", UriKind.Relative));
        await inbox.ShouldBeAsync(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_forged_or_replayed_answer_signs_nobody_in_and_says_so()
    {
        var browser = _backOffice.CreateBrowser();
        var (landing, callback) = await SignInWithEntraAsync(browser, new EntraPerson("oid-replay", "replay@example.nhs.uk", "Replay", [StaffRoles.QualityTeam], MultiFactor: true));
        landing.Dispose();

        var attacker = _backOffice.CreateBrowser();
        using var replayed = await attacker.GetAsync(callback);
        using var forged = await attacker.GetAsync(new Uri(EntraIdSignIn.CallbackPath + "?code=made-up&state=made-up", UriKind.Relative));

        foreach (var answer in new[] { replayed, forged })
        {
            await answer.ShouldBeAsync(HttpStatusCode.Redirect);
            Assert.Equal("/account/sign-in?entra=failed", answer.Headers.Location!.OriginalString);
        }

        var signInPage = await attacker.GetPageAsync("/account/sign-in?entra=failed");
        Assert.NotNull(signInPage.QuerySelector("[data-testid=entra-failed]"));
        using var inbox = await attacker.GetAsync(new Uri("/inbox", UriKind.Relative));
        await inbox.ShouldBeAsync(HttpStatusCode.Redirect);
    }

    /// <summary>
    /// What a browser does: press "Sign in with your NHS account", follow the redirect to Entra ID and its answer
    /// back to the back office, and on to the page that signs in. Returns that page and Entra ID's answer.
    /// </summary>
    private async Task<(HttpResponseMessage Landing, Uri Callback)> SignInWithEntraAsync(HttpClient browser, EntraPerson person, string? returnUrl = null)
    {
        _entra.SignedIn = person;
        var signIn = await browser.GetPageAsync("/account/sign-in" + (returnUrl is null ? string.Empty : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        using var challenge = await browser.SubmitAsync(signIn, [], "form[action*=entra]");
        await challenge.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.StartsWith(_entra.Instance.ToString(), challenge.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var directory = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var authorized = await directory.GetAsync(challenge.Headers.Location);
        await authorized.ShouldBeAsync(HttpStatusCode.Redirect);
        var callback = new Uri(authorized.Headers.Location!.PathAndQuery, UriKind.Relative);

        using var answered = await browser.GetAsync(callback);
        await answered.ShouldBeAsync(HttpStatusCode.Redirect);
        return (await browser.GetAsync(answered.Headers.Location), callback);
    }
}
