using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Features.Accounts;

/// <summary>The second step of sign-in for accounts with an authenticator app.</summary>
public sealed class SignInCodeModel(SignInManager<StaffUser> signIn) : PageModel
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

    /// <summary>Checks the code; wrong codes count towards the lockout like wrong passwords.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect("/account/sign-in");
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "Your account is locked after too many attempts. Try again in 15 minutes, or ask an administrator."
            : "Enter the 6-digit code your authenticator app shows now");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
