using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Accounts;

/// <summary>The back office as Production runs it: administrators and guardians must use an authenticator app.</summary>
public sealed class TwoFactorBackOffice : BackOfficeFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Staff:RequireTwoFactor"] = "true",
    };
}

public sealed class TwoFactorTests(TwoFactorBackOffice backOffice) : IClassFixture<TwoFactorBackOffice>
{
    [Fact]
    public async Task An_administrator_sets_up_an_authenticator_app_from_a_link_before_anything_else_then_signs_in_with_a_code()
    {
        const string Email = "admin-2fa@example.nhs.uk";
        var browser = await backOffice.SignInAsync(StaffRoles.Administrator, Email);

        // A password alone opens nothing but the account pages, and does not let them enrol an app either.
        using var blocked = await browser.GetAsync(new Uri("/admin/users", UriKind.Relative));
        await blocked.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal("/account/two-factor?required=true", blocked.Headers.Location!.OriginalString);
        var withoutLink = await browser.GetPageAsync("/account/two-factor?required=true");
        Assert.Null(withoutLink.QuerySelector("main svg"));
        Assert.Contains("you need a set-up link from an administrator", withoutLink.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var token = await SetUpLinkAsync(Email);
        var setup = await browser.GetPageAsync($"/account/two-factor?token={token}");
        Assert.NotNull(setup.QuerySelector("main svg"));
        var key = setup.QuerySelector("main strong.qv-reference")!.TextContent;

        using var wrong = await browser.SubmitAsync(setup, [new("Code", "000000" == Totp(key, 0) ? "111111" : "000000")]);
        await wrong.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Enter the 6-digit code your authenticator app shows now"], (await wrong.ReadPageAsync()).ErrorSummary());

        using var enabled = await browser.SubmitAsync(setup, [new("Code", Totp(key, 0))]);
        await enabled.ShouldBeAsync(HttpStatusCode.Redirect);
        using var opened = await browser.GetAsync(new Uri("/admin/users", UriKind.Relative));
        await opened.ShouldBeAsync(HttpStatusCode.OK);

        // The link is for that account only.
        var again = backOffice.CreateBrowser();
        var reused = await (await SignInWithPasswordAsync(again, "admin-2fa-reuse@example.nhs.uk", StaffRoles.QualityTeam)).GetPageAsync($"/account/two-factor?token={token}");
        Assert.Null(reused.QuerySelector("main svg"));

        // Next time: password, then a code.
        var next = backOffice.CreateBrowser();
        var form = await next.GetPageAsync("/account/sign-in?returnUrl=%2Fadmin%2Faudit");
        using var password = await next.SubmitAsync(form, [new("Input.Email", Email), new("Input.Password", BackOfficeFactory.Password)]);
        Assert.Equal("/account/sign-in/code?returnUrl=%2Fadmin%2Faudit", password.Headers.Location!.OriginalString);
        var codePage = await next.GetPageAsync(password.Headers.Location.OriginalString);
        // Read once: worked out again for the replay below, the code of "a step ahead" is the next step's when a 30-second
        // boundary falls between the two, which is a new code the app rightly accepts.
        var code = Totp(key, 1);
        using var signedIn = await next.SubmitAsync(codePage, [new("Code", code)]);
        Assert.Equal("/admin/audit", signedIn.Headers.Location!.OriginalString);
        using var audit = await next.GetAsync(new Uri("/admin/audit", UriKind.Relative));
        await audit.ShouldBeAsync(HttpStatusCode.OK);

        // The same code again, within its 30 seconds, is refused.
        var replay = backOffice.CreateBrowser();
        var replayForm = await replay.GetPageAsync("/account/sign-in");
        using var replayPassword = await replay.SubmitAsync(replayForm, [new("Input.Email", Email), new("Input.Password", BackOfficeFactory.Password)]);
        var replayCode = await replay.GetPageAsync(replayPassword.Headers.Location!.OriginalString);
        using var replayed = await replay.SubmitAsync(replayCode, [new("Code", code)]);
        await replayed.ShouldBeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_quality_team_member_must_set_one_up_too_since_they_can_open_original_text()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam, "quality-2fa@example.nhs.uk");

        using var response = await browser.GetAsync(new Uri("/inbox", UriKind.Relative));

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal("/account/two-factor?required=true", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_code_step_cannot_be_reached_without_the_password_step()
    {
        using var response = await backOffice.CreateBrowser().GetAsync(new Uri("/account/sign-in/code", UriKind.Relative));

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal("/account/sign-in", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Nobody_can_make_a_set_up_link_for_their_own_account()
    {
        await backOffice.CreateAccountAsync("own-link@example.nhs.uk", StaffRoles.Administrator);
        await using var scope = backOffice.Services.CreateAsyncScope();

        var (token, problem) = await scope.ServiceProvider.GetRequiredService<AuthenticatorSetUpLinks>().CreateAsync("own-link@example.nhs.uk", "OWN-LINK@example.nhs.uk");

        Assert.Null(token);
        Assert.StartsWith("You cannot make a set-up link for your own account", problem, StringComparison.Ordinal);
    }

    private async Task<string> SetUpLinkAsync(string email)
    {
        await using var scope = backOffice.Services.CreateAsyncScope();
        var (token, problem) = await scope.ServiceProvider.GetRequiredService<AuthenticatorSetUpLinks>().CreateAsync(email, BackOfficeFactory.Appointer);
        Assert.Null(problem);
        return token!;
    }

    private async Task<HttpClient> SignInWithPasswordAsync(HttpClient browser, string email, string role)
    {
        await backOffice.CreateAccountAsync(email, role);
        var form = await browser.GetPageAsync("/account/sign-in");
        using var response = await browser.SubmitAsync(form, [new("Input.Email", email), new("Input.Password", BackOfficeFactory.Password)]);
        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        return browser;
    }

    /// <summary>RFC 6238: HMAC-SHA1 over the 30-second step count, dynamically truncated to six digits.</summary>
    private static string Totp(string key, int stepsAhead)
    {
        var secret = Base32(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        var step = (TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / 30) + stepsAhead;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
