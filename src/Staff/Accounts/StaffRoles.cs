namespace QualityVoice.Staff.Accounts;

/// <summary>The back office's roles. A person may hold several.</summary>
public static class StaffRoles
{
    /// <summary>Manages accounts, reads the audit log, and everything a quality team member can.</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>Triages feedback, spots early warnings, reports to the Quality Committee.</summary>
    public const string QualityTeam = nameof(QualityTeam);

    /// <summary>Publishes "you said, we did" updates and tells the people who spoke.</summary>
    public const string EngagementTeam = nameof(EngagementTeam);

    /// <summary>Works Freedom to Speak Up cases, which nobody else can see.</summary>
    public const string FtsuGuardian = nameof(FtsuGuardian);

    /// <summary>Every role, in the order the administrator page lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Administrator, QualityTeam, EngagementTeam, FtsuGuardian];

    /// <summary>The roles that must sign in with a second factor: they open the most sensitive parts.</summary>
    public static IReadOnlyList<string> Privileged { get; } = [Administrator, FtsuGuardian];

    /// <summary>Whether a name is one of the roles (case-sensitive, as stored).</summary>
    public static bool IsRole(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}
