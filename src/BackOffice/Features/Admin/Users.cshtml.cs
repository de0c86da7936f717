using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Staff.Accounts;
using QualityVoice.Staff.Audit;

namespace QualityVoice.BackOffice.Features.Admin;

/// <summary>Staff accounts: who has which role, and adding accounts (what <c>./qv users</c> does, in the browser).</summary>
public sealed class UsersModel(StaffAccounts accounts, IAuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>Every account.</summary>
    public IReadOnlyList<StaffAccountSummary> Accounts { get; private set; } = [];

    /// <summary>The new account's e-mail address.</summary>
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>Its first password.</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Its role.</summary>
    [BindProperty]
    public string? Role { get; set; }

    /// <summary>What was done.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Now, to tell whether a lockout has run out.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Lists the accounts.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => Accounts = await accounts.ListAsync(cancellationToken);

    /// <summary>Adds an account, or a role to an existing one.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@', StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.nhs.uk");
        }

        if (!StaffRoles.IsRole(Role))
        {
            ModelState.AddModelError(nameof(Role), "Select a role");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter a first password of at least 12 characters");
        }

        if (ModelState.IsValid)
        {
            foreach (var problem in await accounts.AddAsync(Email!.Trim(), Password!, Role!))
            {
                ModelState.AddModelError(problem.Contains("assword", StringComparison.Ordinal) ? nameof(Password) : nameof(Email), problem);
            }
        }

        if (!ModelState.IsValid)
        {
            Accounts = await accounts.ListAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await audit.RecordAsync(new AuditEntry(time.GetUtcNow(), StaffMember.NameOf(User), AuditActions.Account, Email!.Trim(), $"Added with the role {Role}"), cancellationToken);
        Done = $"{Email!.Trim()} can now sign in as {Role}";
        return Redirect("/admin/users");
    }
}
