using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Feedback.Audit;
using QualityVoice.Staff.Accounts;
using QualityVoice.Staff.Sessions;

namespace QualityVoice.BackOffice.Features.Accounts;

/// <summary>Your account: roles, the authenticator app, and signing out on every device.</summary>
public sealed class AccountModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, StaffSessionStore sessions, IAuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>Your roles.</summary>
    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>Whether you sign in with an authenticator app as well.</summary>
    public bool TwoFactorEnabled { get; private set; }

    /// <summary>Shows the account.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Redirect("/account/sign-in");
        }

        Roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).Select(StaffRoles.DisplayName).ToArray();
        TwoFactorEnabled = user.TwoFactorEnabled;
        return Page();
    }

    /// <summary>Signs out everywhere: every session of the account ends at once, this browser's too.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
            await sessions.EndAllAsync(user.Id, cancellationToken);
            await audit.RecordAsync(new AuditEntry(time.GetUtcNow(), StaffMember.NameOf(User), AuditActions.Account, StaffMember.NameOf(User), "Signed out everywhere"), cancellationToken);
        }

        await signIn.SignOutAsync();
        return Redirect("/account/signed-out");
    }
}
