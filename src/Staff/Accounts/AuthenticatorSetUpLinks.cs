using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using QualityVoice.Feedback.Audit;

namespace QualityVoice.Staff.Accounts;

/// <summary>
/// Links to set up an authenticator app, made by an administrator for someone else's account: where two-factor
/// sign-in is required, a password alone must not be enough to enrol a new authenticator (whoever learnt the
/// password would otherwise enrol their own). A link is for one account, works once, and expires after a day; only
/// its hash is kept.
/// </summary>
public sealed class AuthenticatorSetUpLinks(UserManager<StaffUser> users, IAuditLog audit, TimeProvider time)
{
    /// <summary>How long a link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>The path a link opens, before its token.</summary>
    public const string Path = "/account/two-factor?token=";

    private const string LoginProvider = "QualityVoice";
    private const string Name = "AuthenticatorSetUpLink";

    /// <summary>Makes a link's token for <paramref name="email"/>'s account (replacing any earlier one); null with why when refused.</summary>
    public async Task<(string? Token, string? Problem)> CreateAsync(string email, string actor, CancellationToken cancellationToken = default)
    {
        if (RoleChangeRules.IsOwnAccount(actor, email))
        {
            return (null, "You cannot make a set-up link for your own account: ask another administrator.");
        }

        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return (null, $"There is no account for {email}.");
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expires = (time.GetUtcNow() + Lifetime).ToUnixTimeMilliseconds();
        await users.SetAuthenticationTokenAsync(user, LoginProvider, Name, $"{Hash(token)}|{expires.ToString(CultureInfo.InvariantCulture)}");
        await audit.RecordAsync(new AuditEntry(time.GetUtcNow(), actor, AuditActions.Account, email, "Made a link to set up an authenticator app"), cancellationToken);
        return (token, null);
    }

    /// <summary>Whether <paramref name="token"/> is the account's current, unexpired link.</summary>
    public async Task<bool> IsValidAsync(StaffUser user, string? token)
    {
        if (string.IsNullOrEmpty(token) || await users.GetAuthenticationTokenAsync(user, LoginProvider, Name) is not { } stored)
        {
            return false;
        }

        var parts = stored.Split('|');
        return parts.Length == 2
            && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var expires)
            && time.GetUtcNow().ToUnixTimeMilliseconds() < expires
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[0]), Encoding.ASCII.GetBytes(Hash(token)));
    }

    /// <summary>Uses the link up.</summary>
    public Task UseAsync(StaffUser user) => users.RemoveAuthenticationTokenAsync(user, LoginProvider, Name);

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
