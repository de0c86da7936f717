namespace QualityVoice.Staff.Hosting;

/// <summary>Where staff accounts are kept, and the development administrator. Bound from the <c>Staff</c> section.</summary>
public sealed class StaffStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Staff";

    /// <summary>The staff database file; by default <c>staff.db</c> in the data directory.</summary>
    public string? SqlitePath { get; set; }

    /// <summary>
    /// Whether staff must sign in with an authenticator app as well as a password, set up from a link an
    /// administrator gives them. On by default; <c>./qv run</c> turns it off so a first look needs no phone.
    /// </summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>How long a back-office session lasts from sign-in, however active (10 hours: a long working day).</summary>
    public TimeSpan AbsoluteSessionLifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>The administrator <c>./qv run</c> creates on first start, when there are no accounts.</summary>
    public DevelopmentAdministratorOptions DevelopmentAdministrator { get; set; } = new();
}

/// <summary>
/// The development administrator: created on first start from <c>QV_ADMIN_EMAIL</c> and <c>QV_ADMIN_PASSWORD</c>
/// (which <c>./qv run</c> passes in); with no password, one is generated and printed once.
/// </summary>
public sealed class DevelopmentAdministratorOptions
{
    /// <summary>Whether to create it. <c>./qv run</c> turns this on; production leaves it off.</summary>
    public bool Enabled { get; set; }

    /// <summary>Its e-mail address.</summary>
    public string Email { get; set; } = "admin@qualityvoice.local";

    /// <summary>Its password; generated when empty.</summary>
    public string? Password { get; set; }
}
