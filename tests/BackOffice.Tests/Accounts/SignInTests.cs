using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Accounts;

public sealed class SignInTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/inbox")]
    public async Task Every_back_office_page_asks_for_sign_in_first(string path)
    {
        using var response = await backOffice.CreateBrowser().GetAsync(new Uri(path, UriKind.Relative));

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_of_staff_signs_in_and_lands_where_they_were_going()
    {
        await CreateAccountAsync("quality@example.nhs.uk", StaffRoles.QualityTeam);
        var browser = backOffice.CreateBrowser();
        var form = await browser.GetPageAsync("/account/sign-in?returnUrl=%2Finbox");

        using var response = await browser.SubmitAsync(form, [new("Input.Email", "quality@example.nhs.uk"), new("Input.Password", BackOfficeFactory.Password)]);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal("/inbox", response.Headers.Location!.OriginalString);
        var inbox = await browser.GetPageAsync("/inbox");
        Assert.Contains("quality@example.nhs.uk", inbox.QuerySelector(".nhsuk-header__account")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_off_the_site_is_ignored()
    {
        await CreateAccountAsync("redirect@example.nhs.uk", StaffRoles.QualityTeam);
        var browser = backOffice.CreateBrowser();
        var form = await browser.GetPageAsync("/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F");

        using var response = await browser.SubmitAsync(form, [new("Input.Email", "redirect@example.nhs.uk"), new("Input.Password", BackOfficeFactory.Password)]);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_says_so_without_saying_which_part_was_wrong()
    {
        await CreateAccountAsync("typo@example.nhs.uk", StaffRoles.QualityTeam);
        var browser = backOffice.CreateBrowser();
        var form = await browser.GetPageAsync("/account/sign-in");

        using var response = await browser.SubmitAsync(form, [new("Input.Email", "typo@example.nhs.uk"), new("Input.Password", "wrong password here")]);

        Assert.Equal(["Enter a correct email address and password"], (await response.ReadPageAsync()).ErrorSummary());
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_client_make_it_wait_but_do_not_stop_the_real_user_elsewhere()
    {
        await CreateAccountAsync("target@example.nhs.uk", StaffRoles.QualityTeam);
        var attacker = backOffice.CreateBrowser(peer: "203.0.113.7");
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            last?.Dispose();
            var form = await attacker.GetPageAsync("/account/sign-in");
            last = await attacker.SubmitAsync(form, [new("Input.Email", "target@example.nhs.uk"), new("Input.Password", "wrong password here")]);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.StartsWith("There have been too many attempts to sign in. Wait", (await last.ReadPageAsync()).ErrorSummary().Single(), StringComparison.Ordinal);
        last.Dispose();

        var realUser = backOffice.CreateBrowser(peer: "198.51.100.20");
        var page = await realUser.GetPageAsync("/account/sign-in");
        using var signedIn = await realUser.SubmitAsync(page, [new("Input.Email", "target@example.nhs.uk"), new("Input.Password", BackOfficeFactory.Password)]);
        await signedIn.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_for_an_account_that_does_not_exist_is_answered_like_one_for_an_account_that_does()
    {
        await CreateAccountAsync("exists@example.nhs.uk", StaffRoles.QualityTeam);
        var browser = backOffice.CreateBrowser(peer: "192.0.2.44");

        async Task<(string Html, TimeSpan Took)> TryAsync(string email)
        {
            var form = await browser.GetPageAsync("/account/sign-in");
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var response = await browser.SubmitAsync(form, [new("Input.Email", email), new("Input.Password", "not the password at all")]);
            var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return ((await response.ReadPageAsync()).QuerySelector("main")!.InnerHtml, took);
        }

        var known = await TryAsync("exists@example.nhs.uk");
        var unknown = await TryAsync("nobody@example.nhs.uk");

        Assert.Equal(
            known.Html.Replace("exists@example.nhs.uk", "X", StringComparison.Ordinal).Split("__RequestVerificationToken")[0],
            unknown.Html.Replace("nobody@example.nhs.uk", "X", StringComparison.Ordinal).Split("__RequestVerificationToken")[0]);

        // Both check a password hash: an unknown address is not answered several times faster.
        Assert.True(unknown.Took > known.Took / 3, $"unknown took {unknown.Took.TotalMilliseconds} ms, known {known.Took.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_is_told_nothing_more_than_a_wrong_password()
    {
        await CreateAccountAsync("disabled@example.nhs.uk", StaffRoles.QualityTeam);
        await using (var scope = backOffice.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<StaffAccounts>().DisableAsync("disabled@example.nhs.uk", "admin@example.nhs.uk")).Succeeded);
        }

        var browser = backOffice.CreateBrowser(peer: "192.0.2.45");
        var form = await browser.GetPageAsync("/account/sign-in");
        using var response = await browser.SubmitAsync(form, [new("Input.Email", "disabled@example.nhs.uk"), new("Input.Password", BackOfficeFactory.Password)]);

        Assert.Equal(["Enter a correct email address and password"], (await response.ReadPageAsync()).ErrorSummary());
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam, "signout@example.nhs.uk");
        var inbox = await browser.GetPageAsync("/inbox");

        using var signOut = await browser.SubmitAsync(inbox, [], "form.nhsuk-header__account-form");
        using var after = await browser.GetAsync(new Uri("/inbox", UriKind.Relative));

        Assert.Equal("/account/signed-out", signOut.Headers.Location!.OriginalString);
        await after.ShouldBeAsync(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Passwords_are_judged_by_length_not_by_composition()
    {
        await using var scope = backOffice.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();

        Assert.False((await accounts.AddAsync("short@example.nhs.uk", "Sh0rt!", StaffRoles.QualityTeam, "tests")).Succeeded);
        Assert.True((await accounts.AddAsync("long@example.nhs.uk", "three plain words", StaffRoles.QualityTeam, "tests")).Succeeded);
    }

    [Theory]
    [InlineData("password1234", "This is one of the most common passwords")]
    [InlineData("qwertyuiop 123", "This is one of the most common passwords")]
    [InlineData("1q2w3e4r5t6y", "This is one of the most common passwords")]
    [InlineData("sunshine2026!!", "This is a common password with numbers or symbols added")]
    [InlineData("aaaaaaaaaaaaaa", "Use more than one or two different characters")]
    [InlineData("abababababababab", "Use more than one or two different characters")]
    [InlineData("my name is jo.smith ok", "Do not use your email address in your password")]
    [InlineData("qualityvoice rocks!", "Do not use the name of the service in your password")]
    public async Task Common_and_guessable_passwords_are_refused_saying_why(string password, string why)
    {
        await using var scope = backOffice.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();

        var result = await accounts.AddAsync("jo.smith@example.nhs.uk", password, StaffRoles.QualityTeam, "tests");

        Assert.Contains(result.Problems, problem => problem.StartsWith(why, StringComparison.Ordinal));
    }

    private Task CreateAccountAsync(string email, string role) => backOffice.CreateAccountAsync(email, role);
}
