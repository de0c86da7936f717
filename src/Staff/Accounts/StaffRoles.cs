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

    /// <summary>
    /// The roles that must sign in with a second factor where it is required (Production): every role, since each
    /// can open what identifies someone (an item's original text, a concern's reporter, the accounts and audit log).
    /// </summary>
    public static IReadOnlyList<string> MustUseTwoFactor { get; } = All;

    /// <summary>Roles that only a second person can give: a guardian sees who raised confidential concerns.</summary>
    public static IReadOnlyList<string> NeedSecondPerson { get; } = [FtsuGuardian];

    /// <summary>Whether a name is one of the roles (case-sensitive, as stored).</summary>
    public static bool IsRole(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);

    /// <summary>A role as people call it.</summary>
    public static string DisplayName(string role) => role switch
    {
        Administrator => "Administrator",
        QualityTeam => "Quality team",
        EngagementTeam => "Engagement team",
        FtsuGuardian => "Freedom to Speak Up guardian",
        _ => role,
    };
}
