using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace QualityVoice.Staff.Sessions;

/// <summary>
/// Staff sessions kept on the server (in the staff store every back-office instance shares): the cookie carries only a
/// session's random id, so signing out, being disabled or losing a role ends the session at once, even where a copy of
/// the cookie was taken. A session also ends <see cref="AbsoluteLifetime"/> after sign-in, however active it was.
/// </summary>
public sealed class StaffSessionStore(IStaffSessionRecords records, IDataProtectionProvider dataProtection, TimeProvider time, TimeSpan absoluteLifetime) : ITicketStore
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("QualityVoice.Staff.Sessions");

    /// <summary>How long a session may last from sign-in, active or not.</summary>
    public TimeSpan AbsoluteLifetime { get; } = absoluteLifetime;

    /// <inheritdoc />
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        await records.RemoveEndedAsync(now, now - AbsoluteLifetime, CancellationToken.None);
        await records.AddAsync(new StaffSessionRecord(id, UserId(ticket), Protect(ticket), now, Expiry(ticket, now)), CancellationToken.None);
        return id;
    }

    /// <inheritdoc />
    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        records.RenewAsync(key, Protect(ticket), Expiry(ticket, time.GetUtcNow()), CancellationToken.None);

    /// <inheritdoc />
    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = time.GetUtcNow();
        if (await records.FindAsync(key, CancellationToken.None) is not { } session || session.ExpiresAt < now || session.StartedAt < now - AbsoluteLifetime)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task RemoveAsync(string key) => records.RemoveAsync(key, CancellationToken.None);

    /// <summary>Ends every session of an account: sign out everywhere, disabling, losing a role.</summary>
    public Task EndAllAsync(string userId, CancellationToken cancellationToken = default) => records.RemoveAllOfAsync(userId, cancellationToken);

    private static string UserId(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A staff session needs the account's id.");

    private static DateTimeOffset Expiry(AuthenticationTicket ticket, DateTimeOffset now) => ticket.Properties.ExpiresUtc ?? now.AddHours(8);

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));
}
