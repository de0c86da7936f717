using System.Net;
using QualityVoice.BackOffice.Tests.Updates;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Accounts;

/// <summary>Sessions live on the server: a copied cookie dies with the session, and no session outlasts a working day.</summary>
public sealed class SessionTests(PublishingFactory backOffice) : IClassFixture<PublishingFactory>
{
    [Fact]
    public async Task After_signing_out_a_copy_of_the_old_cookie_opens_nothing()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam, "copied@example.nhs.uk");
        using (var before = await browser.GetAsync(new Uri("/inbox", UriKind.Relative)))
        {
            await before.ShouldBeAsync(HttpStatusCode.OK);
        }

        var copied = await CookieAsync(browser);
        using (var signedOut = await browser.SubmitAsync(await browser.GetPageAsync("/inbox"), [], "form.nhsuk-header__account-form"))
        {
            await signedOut.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        var thief = backOffice.CreateBrowser();
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/inbox");
        replay.Headers.Add("Cookie", copied);
        using var replayed = await thief.SendAsync(replay);

        await replayed.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Contains("/account/sign-in", replayed.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_other_session_at_once()
    {
        var laptop = await backOffice.SignInAsync(StaffRoles.QualityTeam, "everywhere@example.nhs.uk");
        var phone = await backOffice.SignInAsync(StaffRoles.QualityTeam, "everywhere@example.nhs.uk");

        using (var done = await laptop.SubmitAsync(await laptop.GetPageAsync("/account"), [], "main form"))
        {
            await done.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        using var other = await phone.GetAsync(new Uri("/inbox", UriKind.Relative));
        await other.ShouldBeAsync(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_session_ends_ten_hours_after_sign_in_however_busy()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam, "long-day@example.nhs.uk");
        for (var hour = 1; hour <= 9; hour++)
        {
            backOffice.Clock.Advance(TimeSpan.FromHours(1));
            using var busy = await browser.GetAsync(new Uri("/inbox", UriKind.Relative));
            await busy.ShouldBeAsync(HttpStatusCode.OK);
        }

        backOffice.Clock.Advance(TimeSpan.FromMinutes(61));
        using var late = await browser.GetAsync(new Uri("/inbox", UriKind.Relative));

        await late.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Contains("/account/sign-in", late.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_the_authenticator_set_up_keeps_the_session_while_the_code_is_scanned()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam, "scanning@example.nhs.uk");
        using (var setUp = await browser.GetAsync(new Uri("/account/two-factor", UriKind.Relative)))
        {
            await setUp.ShouldBeAsync(HttpStatusCode.OK);
        }

        backOffice.Clock.Advance(TimeSpan.FromMinutes(3));
        using var later = await browser.GetAsync(new Uri("/inbox", UriKind.Relative));

        await later.ShouldBeAsync(HttpStatusCode.OK);
    }

    /// <summary>The session cookie, as a thief would copy it out of the browser.</summary>
    private async Task<string> CookieAsync(HttpClient browser)
    {
        // The test client keeps its cookies to itself; ask the app to show the one it sent back.
        using var probe = await browser.GetAsync(new Uri("/inbox", UriKind.Relative));
        var header = probe.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : null;
        Assert.NotNull(header);
        Assert.Contains("qv-staff=", header, StringComparison.Ordinal);
        return header;
    }
}
