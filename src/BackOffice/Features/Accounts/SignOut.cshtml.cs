using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Features.Accounts;

/// <summary>Signs out of this browser (a POST from the header's button).</summary>
public sealed class SignOutModel(SignInManager<StaffUser> signIn) : PageModel
{
    /// <summary>A GET does nothing but go home: signing out must be a deliberate POST.</summary>
    public IActionResult OnGet() => Redirect("/");

    /// <summary>Signs out and says so.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/account/signed-out");
    }
}
