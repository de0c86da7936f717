namespace QualityVoice.Staff.Accounts;

/// <summary>
/// Who may change whose roles. Nobody changes their own; a role that lets its holder see who raised a confidential
/// concern is given only when a second person, who neither asked for it nor would receive it, approves.
/// </summary>
public static class RoleChangeRules
{
    /// <summary>The roles whose holders may approve such a request.</summary>
    public static IReadOnlyList<string> Approvers { get; } = [StaffRoles.Administrator, StaffRoles.FtsuGuardian];

    /// <summary>Whether <paramref name="actor"/> is changing their own account.</summary>
    public static bool IsOwnAccount(string actor, string account) => string.Equals(actor, account, StringComparison.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="approver"/>, holding <paramref name="approverRoles"/>, may not approve the request; null when they may.</summary>
    public static string? WhyNotApprover(RoleRequest request, string approver, IEnumerable<string> approverRoles)
    {
        if (IsOwnAccount(approver, request.Email))
        {
            return "You cannot approve a role for your own account: another guardian or administrator must.";
        }

        if (IsOwnAccount(approver, request.RequestedBy))
        {
            return "You asked for this role, so a second person must approve it: another guardian or administrator.";
        }

        return approverRoles.Any(Approvers.Contains)
            ? null
            : "Only a Freedom to Speak Up guardian or an administrator can approve this.";
    }
}
