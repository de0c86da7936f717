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
    public async Task Five_wrong_passwords_lock_the_account()
    {
        await CreateAccountAsync("locked@example.nhs.uk", StaffRoles.QualityTeam);
        var browser = backOffice.CreateBrowser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var form = await browser.GetPageAsync("/account/sign-in");
            using var _ = await browser.SubmitAsync(form, [new("Input.Email", "locked@example.nhs.uk"), new("Input.Password", "wrong password here")]);
        }

        var last = await browser.GetPageAsync("/account/sign-in");
        using var response = await browser.SubmitAsync(last, [new("Input.Email", "locked@example.nhs.uk"), new("Input.Password", BackOfficeFactory.Password)]);

        Assert.StartsWith("Your account is locked", (await response.ReadPageAsync()).ErrorSummary().Single(), StringComparison.Ordinal);
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

        Assert.NotEmpty(await accounts.AddAsync("short@example.nhs.uk", "Sh0rt!", StaffRoles.QualityTeam));
        Assert.Empty(await accounts.AddAsync("long@example.nhs.uk", "three plain words", StaffRoles.QualityTeam));
    }

    private async Task CreateAccountAsync(string email, string role)
    {
        await using var scope = backOffice.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, BackOfficeFactory.Password, role));
    }
}
