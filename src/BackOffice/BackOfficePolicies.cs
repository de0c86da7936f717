using System.Security.Claims;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice;

/// <summary>Who may do what in the back office. Every page needs a signed-in member of staff at least.</summary>
public static class BackOfficePolicies
{
    /// <summary>Reading and triaging patient and carer feedback.</summary>
    public const string Triage = nameof(Triage);

    /// <summary>
    /// Writing "you said, we did" updates, approving a colleague's, and linking feedback to them: the engagement
    /// team, and the quality team as second approvers.
    /// </summary>
    public const string Publish = nameof(Publish);

    /// <summary>Managing accounts and reading the audit log.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Working Freedom to Speak Up cases: guardians only, never administrators.</summary>
    public const string SpeakUp = nameof(SpeakUp);

    /// <summary>Approving a role that needs a second person: guardians and administrators.</summary>
    public const string ApproveRoles = nameof(ApproveRoles);

    /// <summary>Importing providers' files of feedback: the quality team, and administrators.</summary>
    public const string Import = nameof(Import);

    /// <summary>Reading and generating the insight reports for quality governance: the quality and engagement teams, and administrators.</summary>
    public const string Reports = nameof(Reports);

    /// <summary>Reading an audit log: administrators theirs, guardians the speak-up one.</summary>
    public const string ReadAudit = nameof(ReadAudit);

    /// <summary>The roles each policy admits.</summary>
    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>
    {
        [Triage] = [StaffRoles.QualityTeam, StaffRoles.EngagementTeam, StaffRoles.Administrator],
        [Publish] = [StaffRoles.EngagementTeam, StaffRoles.QualityTeam],
        [Administer] = [StaffRoles.Administrator],
        [SpeakUp] = [StaffRoles.FtsuGuardian],
        [ApproveRoles] = [.. RoleChangeRules.Approvers],
        [ReadAudit] = [StaffRoles.Administrator, StaffRoles.FtsuGuardian],
        [Import] = [StaffRoles.QualityTeam, StaffRoles.Administrator],
        [Reports] = [StaffRoles.QualityTeam, StaffRoles.EngagementTeam, StaffRoles.Administrator],
    };

    /// <summary>Whether a policy admits the signed-in member of staff (to show or hide what they may use).</summary>
    public static bool Admits(this ClaimsPrincipal user, string policy) => Roles[policy].Any(user.IsInRole);
}
