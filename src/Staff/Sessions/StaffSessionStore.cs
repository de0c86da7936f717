using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using QualityVoice.Feedback.Storage.Sqlite;

namespace QualityVoice.Staff.Sessions;

/// <summary>
/// Staff sessions kept on the server (in the staff database): the cookie carries only a session's random id, so
/// signing out, being disabled or losing a role ends the session at once, even where a copy of the cookie was
/// taken. A session also ends <see cref="AbsoluteLifetime"/> after sign-in, however active it was.
/// </summary>
public sealed class StaffSessionStore(SqliteDatabase database, IDataProtectionProvider dataProtection, TimeProvider time, TimeSpan absoluteLifetime) : ITicketStore
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("QualityVoice.Staff.Sessions");

    /// <summary>How long a session may last from sign-in, active or not.</summary>
    public TimeSpan AbsoluteLifetime { get; } = absoluteLifetime;

    /// <inheritdoc />
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM staff_sessions WHERE expires_at < $now OR created_at < $oldest;
            INSERT INTO staff_sessions (id, user_id, ticket, created_at, expires_at) VALUES ($id, $user, $ticket, $now, $expires);
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$user", UserId(ticket));
        command.Parameters.AddWithValue("$ticket", Protect(ticket));
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$oldest", (now - AbsoluteLifetime).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$expires", Expiry(ticket, now));
        await command.ExecuteNonQueryAsync();
        return id;
    }

    /// <inheritdoc />
    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE staff_sessions SET ticket = $ticket, expires_at = $expires WHERE id = $id;";
        command.Parameters.AddWithValue("$id", key);
        command.Parameters.AddWithValue("$ticket", Protect(ticket));
        command.Parameters.AddWithValue("$expires", Expiry(ticket, time.GetUtcNow()));
        await command.ExecuteNonQueryAsync();
    }

    /// <inheritdoc />
    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ticket FROM staff_sessions WHERE id = $id AND expires_at >= $now AND created_at >= $oldest;";
        command.Parameters.AddWithValue("$id", key);
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$oldest", now - (long)AbsoluteLifetime.TotalMilliseconds);
        if (await command.ExecuteScalarAsync() is not byte[] protectedTicket)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(protectedTicket));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string key)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM staff_sessions WHERE id = $id;";
        command.Parameters.AddWithValue("$id", key);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Ends every session of an account: sign out everywhere, disabling, losing a role.</summary>
    public async Task EndAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM staff_sessions WHERE user_id = $user;";
        command.Parameters.AddWithValue("$user", userId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string UserId(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A staff session needs the account's id.");

    private static long Expiry(AuthenticationTicket ticket, DateTimeOffset now) =>
        (ticket.Properties.ExpiresUtc ?? now.AddHours(8)).ToUnixTimeMilliseconds();

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));
}
