using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Features.Accounts;

/// <summary>Staff sign-in with e-mail address and password.</summary>
public sealed class SignInModel(SignInManager<StaffUser> signIn) : PageModel
{
    /// <summary>What the form posts.</summary>
    [BindProperty]
    public SignInForm Input { get; set; } = new();

    /// <summary>Where to go after signing in: only a path on this site.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the e-mail address and password, locking the account after five failures.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Enter your email address");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return Redirect("/account/sign-in/code" + (Url.IsLocalUrl(ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(ReturnUrl!) : string.Empty));
        }

        ModelState.AddModelError(
            "Input.Email",
            result.IsLockedOut
                ? "Your account is locked after too many attempts. Try again in 15 minutes, or ask an administrator."
                : "Enter a correct email address and password");
        return Page();
    }

    /// <summary>The sign-in form's fields.</summary>
    public sealed class SignInForm
    {
        /// <summary>The e-mail address.</summary>
        [Display(Name = "Email address")]
        public string? Email { get; set; }

        /// <summary>The password.</summary>
        public string? Password { get; set; }
    }
}
