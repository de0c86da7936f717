using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Features.Admin;

/// <summary>Staff accounts: who has which role, adding accounts (what <c>./qv users</c> does, in the browser).</summary>
public sealed class UsersModel(StaffAccounts accounts) : PageModel
{
    /// <summary>Every account.</summary>
    public IReadOnlyList<StaffAccountSummary> Accounts { get; private set; } = [];

    /// <summary>Roles waiting for a second person.</summary>
    public IReadOnlyList<RoleRequest> Waiting { get; private set; } = [];

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

    /// <summary>Lists the accounts.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Adds an account, or a role to an existing one (a guardian's role waits for a second person).</summary>
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
            var result = await accounts.AddAsync(Email!.Trim(), Password!, Role!, StaffMember.NameOf(User), cancellationToken);
            foreach (var problem in result.Problems)
            {
                ModelState.AddModelError(problem.Contains("assword", StringComparison.Ordinal) ? nameof(Password) : nameof(Email), problem);
            }

            if (result.Succeeded)
            {
                Done = result.Done;
                return Redirect("/admin/users");
            }
        }

        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Accounts = await accounts.ListAsync(cancellationToken);
        Waiting = await accounts.WaitingRequestsAsync(cancellationToken);
    }
}
