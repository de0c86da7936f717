using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using QRCoder;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Feedback.Audit;
using QualityVoice.Staff.Accounts;
using QualityVoice.Staff.Hosting;

namespace QualityVoice.BackOffice.Features.Accounts;

/// <summary>
/// Sets up sign-in with an authenticator app (TOTP): scan the QR code (or type the key), then enter a code to
/// prove it works. Where <c>Staff:RequireTwoFactor</c> is on (Production), everyone must, and a first authenticator
/// is set up only from a link an administrator made for the account: a password alone is not enough.
/// </summary>
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class TwoFactorModel(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    AuthenticatorSetUpLinks links,
    IOptions<StaffStoreOptions> options,
    IAuditLog audit,
    TimeProvider time) : PageModel
{
    /// <summary>The set-up link's token, from the link an administrator gave.</summary>
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    /// <summary>Whether this account needs a set-up link it has not brought.</summary>
    public bool NeedsLink { get; private set; }

    /// <summary>The key to type into the app, in groups of four.</summary>
    public string Key { get; private set; } = string.Empty;

    /// <summary>The QR code as SVG markup (generated here, from no external input but the key).</summary>
    public string QrCodeSvg { get; private set; } = string.Empty;

    /// <summary>Whether the person must set this up before going on.</summary>
    [BindProperty(SupportsGet = true, Name = "required")]
    public bool Required { get; set; }

    /// <summary>The six-digit code from the app.</summary>
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Shows the key and QR code.</summary>
    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Redirect("/account/sign-in");

    /// <summary>Checks the code and turns on two-factor sign-in.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return Redirect("/account/sign-in");
        }

        var user = (await users.GetUserAsync(User))!;
        if (NeedsLink)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code your authenticator app shows now");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await links.UseAsync(user);
        await audit.RecordAsync(new AuditEntry(time.GetUtcNow(), StaffMember.NameOf(User), AuditActions.Account, StaffMember.NameOf(User), "Set up an authenticator app"), cancellationToken);

        // This session has now shown a second factor.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        return Redirect("/account");
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }

        NeedsLink = options.Value.RequireTwoFactor && !user.TwoFactorEnabled && !await links.IsValidAsync(user, Token);
        if (NeedsLink)
        {
            return true;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Making a key changes the account's security stamp; this session is given the new one, or the stamp check
            // would sign the person out a minute later, while they are still scanning the code.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        Key = string.Join(' ', key!.ToLowerInvariant().Chunk(4).Select(chunk => new string(chunk)));
        var label = Uri.EscapeDataString($"QualityVoice:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer=QualityVoice&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodeSvg = new SvgQRCode(data).GetGraphic(4);
        return true;
    }
}
