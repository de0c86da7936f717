using System.Security.Claims;

namespace QualityVoice.BackOffice.Features.Shared;

/// <summary>Who the signed-in member of staff is, as the audit log and item histories name them.</summary>
public static class StaffMember
{
    /// <summary>Their e-mail address (the account's user name).</summary>
    public static string NameOf(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
