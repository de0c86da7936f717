namespace QualityVoice.Staff.Accounts;

/// <summary>
/// Someone their organisation's directory (Microsoft Entra ID) has signed in, as the back office needs them: which
/// directory, their immutable id there, their work e-mail address, and the app roles the directory assigns them.
/// </summary>
/// <param name="Provider">The sign-in scheme, kept with the account as its external login (for example <c>EntraId</c>).</param>
/// <param name="ProviderName">The directory as people call it, for the audit log (for example "Microsoft Entra ID").</param>
/// <param name="Key">Their id in the directory, which never changes when their name or address does.</param>
/// <param name="Email">Their work e-mail address.</param>
/// <param name="Roles">The app roles assigned to them; only <see cref="StaffRoles"/> count.</param>
public sealed record DirectoryIdentity(string Provider, string ProviderName, string Key, string Email, IReadOnlyList<string> Roles);
