using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Features.Admin;

/// <summary>
/// One account, for an administrator: give or remove a role, disable or enable it, clear its failed sign-in
/// attempts, make a link to set up an authenticator app. Nobody can do any of this to their own account.
/// </summary>
public sealed class StaffAccountModel(StaffAccounts accounts, AuthenticatorSetUpLinks links, SignInThrottle throttle) : PageModel
{
    /// <summary>The account's id.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>The account.</summary>
    public StaffAccountSummary Account { get; private set; } = null!;

    /// <summary>Roles it is waiting for.</summary>
    public IReadOnlyList<RoleRequest> Waiting { get; private set; } = [];

    /// <summary>Whether it is the signed-in administrator's own.</summary>
    public bool IsOwn { get; private set; }

    /// <summary>The role to give or remove.</summary>
    [BindProperty]
    public string? Role { get; set; }

    /// <summary>What was done.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>A set-up link just made: shown once.</summary>
    [TempData]
    public string? SetUpLink { get; set; }

    /// <summary>Shows the account.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Gives a role (a guardian's waits for a second person).</summary>
    public Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken) =>
        ChangeAsync(me => StaffRoles.IsRole(Role)
            ? accounts.GrantRoleAsync(Account.Email, Role!, me, cancellationToken)
            : Task.FromResult(AccountResult.Refused("Select a role to give")), cancellationToken);

    /// <summary>Removes a role.</summary>
    public Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken) =>
        ChangeAsync(me => accounts.RemoveRoleAsync(Account.Email, Role ?? string.Empty, me, cancellationToken), cancellationToken);

    /// <summary>Disables the account.</summary>
    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        ChangeAsync(me => accounts.DisableAsync(Account.Email, me, cancellationToken), cancellationToken);

    /// <summary>Enables the account.</summary>
    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        ChangeAsync(me => accounts.EnableAsync(Account.Email, me, cancellationToken), cancellationToken);

    /// <summary>Clears its failed sign-in attempts.</summary>
    public Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken) =>
        ChangeAsync(me => accounts.UnlockAsync(Account.Email, throttle, me, cancellationToken), cancellationToken);

    /// <summary>Makes a link to set up an authenticator app, shown once.</summary>
    public Task<IActionResult> OnPostSetUpLinkAsync(CancellationToken cancellationToken) =>
        ChangeAsync(
            async me =>
            {
                var (token, problem) = await links.CreateAsync(Account.Email, me, cancellationToken);
                if (token is null)
                {
                    return AccountResult.Refused(problem!);
                }

                SetUpLink = $"{Request.Scheme}://{Request.Host}{AuthenticatorSetUpLinks.Path}{token}";
                return AccountResult.Changed($"Give {Account.Email} this link to set up their authenticator app. It works once, for 24 hours, and is not shown again.");
            },
            cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<string, Task<AccountResult>> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var result = await change(StaffMember.NameOf(User));
        if (result.Succeeded)
        {
            Done = result.Done;
            return Redirect($"/admin/users/{Id}");
        }

        foreach (var problem in result.Problems)
        {
            ModelState.AddModelError(string.Empty, problem);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var all = await accounts.ListAsync(cancellationToken);
        if (all.FirstOrDefault(account => account.Id == Id) is not { } account)
        {
            return false;
        }

        Account = account;
        IsOwn = RoleChangeRules.IsOwnAccount(StaffMember.NameOf(User), account.Email);
        Waiting = (await accounts.WaitingRequestsAsync(cancellationToken))
            .Where(request => string.Equals(request.Email, account.Email, StringComparison.OrdinalIgnoreCase)).ToArray();
        return true;
    }
}
