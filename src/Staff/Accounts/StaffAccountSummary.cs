namespace QualityVoice.Staff.Accounts;

/// <summary>An account as the administrator sees it in a list.</summary>
/// <param name="Id">The account's id.</param>
/// <param name="Email">The e-mail address it signs in with.</param>
/// <param name="Roles">Its roles.</param>
/// <param name="TwoFactorEnabled">Whether it has set up an authenticator app.</param>
/// <param name="LockedOutUntil">When a lockout ends, if it is locked out.</param>
/// <param name="Disabled">Whether an administrator disabled it.</param>
public sealed record StaffAccountSummary(string Id, string Email, IReadOnlyList<string> Roles, bool TwoFactorEnabled, DateTimeOffset? LockedOutUntil, bool Disabled = false);
