using System.Security.Claims;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Features.Shared;

/// <summary>Who the signed-in member of staff is, as the audit log and item histories name them.</summary>
public static class StaffMember
{
    /// <summary>Their e-mail address (the account's user name).</summary>
    public static string NameOf(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    /// <summary>Everyone who can own feedback items (the roles that triage), by e-mail address.</summary>
    public static async Task<IReadOnlyList<string>> AssigneesAsync(StaffAccounts accounts, CancellationToken cancellationToken) =>
        (await accounts.ListAsync(cancellationToken))
            .Where(account => account.Roles.Any(role => BackOfficePolicies.Roles[BackOfficePolicies.Triage].Contains(role)))
            .Select(account => account.Email)
            .ToArray();
}
