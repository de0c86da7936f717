using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using QualityVoice.Staff.Accounts;
using QualityVoice.Web.Hosting;

namespace QualityVoice.BackOffice.Features.Accounts;

/// <summary>The second step of sign-in for accounts with an authenticator app.</summary>
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SignInCodeModel(SignInManager<StaffUser> signIn, SignInThrottle throttle, KnownDevices devices, ClientKeys clients) : PageModel
{
    /// <summary>The code from the app.</summary>
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Where to go afterwards: only a path on this site.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Asks for the code, if the password step was passed.</summary>
    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/account/sign-in") : Page();

    /// <summary>Checks the code; wrong codes are slowed down like wrong passwords.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { Email: { } email })
        {
            return Redirect("/account/sign-in");
        }

        var client = clients.For(HttpContext);
        var knownDevice = devices.IsKnown(Request, email);
        if (throttle.WaitBefore(client, email, knownDevice) is { } wait && wait > TimeSpan.Zero)
        {
            return SignInModel.TooSoon(this, wait);
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (result.Succeeded)
        {
            throttle.Succeeded(client, email);
            devices.Remember(Response, email);
            return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        }

        throttle.Failed(client, email, knownDevice);
        ModelState.AddModelError(nameof(Code), "Enter the 6-digit code your authenticator app shows now");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
