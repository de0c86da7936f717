using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Features.Appointments;

/// <summary>
/// Roles waiting for a second person (a Freedom to Speak Up guardian's): guardians and administrators approve or
/// decline them here, never one they asked for or would receive.
/// </summary>
public sealed class RoleApprovalsModel(StaffAccounts accounts) : PageModel
{
    /// <summary>The waiting requests.</summary>
    public IReadOnlyList<RoleRequest> Waiting { get; private set; } = [];

    /// <summary>The request being decided.</summary>
    [BindProperty]
    public long RequestId { get; set; }

    /// <summary>What was done.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Lists them.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => Waiting = await accounts.WaitingRequestsAsync(cancellationToken);

    /// <summary>Approves one.</summary>
    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        DecideAsync(accounts.ApproveAsync(RequestId, StaffMember.NameOf(User), cancellationToken), cancellationToken);

    /// <summary>Declines one.</summary>
    public Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken) =>
        DecideAsync(accounts.DeclineAsync(RequestId, StaffMember.NameOf(User), cancellationToken), cancellationToken);

    private async Task<IActionResult> DecideAsync(Task<AccountResult> decision, CancellationToken cancellationToken)
    {
        var result = await decision;
        if (result.Succeeded)
        {
            Done = result.Done;
            return Redirect("/guardian-appointments");
        }

        foreach (var problem in result.Problems)
        {
            ModelState.AddModelError(string.Empty, problem);
        }

        Waiting = await accounts.WaitingRequestsAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
