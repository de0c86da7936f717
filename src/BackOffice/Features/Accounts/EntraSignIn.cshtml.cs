using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using QualityVoice.Staff.Accounts;
using QualityVoice.Staff.EntraId;
using QualityVoice.Staff.Hosting;

namespace QualityVoice.BackOffice.Features.Accounts;

/// <summary>
/// Sign-in with the organisation's Microsoft Entra ID: the button sends the person to Entra ID, and Entra ID's answer
/// comes back here to be matched to a staff account with the app roles it assigns. Where two-factor sign-in is
/// required, only a sign-in Entra ID says was multi-factor is taken.
/// </summary>
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class EntraSignInModel(
    SignInManager<StaffUser> signIn,
    StaffAccounts accounts,
    IOptions<EntraIdOptions> entra,
    IOptions<StaffStoreOptions> staff) : PageModel
{
    /// <summary>Where to go after signing in: only a path on this site.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the person cannot sign in, when they cannot.</summary>
    public string? Problem { get; private set; }

    /// <summary>Where the person goes on to.</summary>
    public string Continue => Url.LocalOrHome(ReturnUrl);

    /// <summary>Sends the person to Entra ID.</summary>
    public IActionResult OnPost()
    {
        if (!entra.Value.IsConfigured)
        {
            return NotFound();
        }

        var back = Url.CarryingReturnUrl("/account/sign-in/entra", ReturnUrl);
        return Challenge(new AuthenticationProperties { RedirectUri = back }, EntraIdOptions.Scheme);
    }

    /// <summary>Takes Entra ID's answer: signs the person in, or says why not.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!entra.Value.IsConfigured)
        {
            return NotFound();
        }

        var answer = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (!answer.Succeeded)
        {
            return Redirect("/account/sign-in");
        }

        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var identity = EntraIdSignIn.IdentityOf(answer.Principal, entra.Value);
        if (identity is null)
        {
            return Refuse("Your account is not one of this organisation's. Sign in with your work account.");
        }

        var twoFactors = EntraIdSignIn.ShowedTwoFactors(answer.Principal, entra.Value);
        if (staff.Value.RequireTwoFactor && !twoFactors)
        {
            return Refuse(
                "QualityVoice needs a second factor, and Microsoft Entra ID did not show one. Ask your IT team to require multi-factor authentication for QualityVoice.");
        }

        var (user, result) = await accounts.SignedInByDirectoryAsync(identity, cancellationToken);
        if (user is null)
        {
            return Refuse(result.Problems[0]);
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, twoFactors ? [new Claim("amr", "mfa")] : []);
        return Page();
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
