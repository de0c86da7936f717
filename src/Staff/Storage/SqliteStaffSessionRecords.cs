using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Staff.Sessions;

namespace QualityVoice.Staff.Storage;

/// <summary>Staff sessions in the staff database (<c>staff_sessions</c>), for one back-office instance.</summary>
public sealed class SqliteStaffSessionRecords(SqliteDatabase database) : IStaffSessionRecords
{
    /// <inheritdoc />
    public async Task AddAsync(StaffSessionRecord session, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO staff_sessions (id, user_id, ticket, created_at, expires_at) VALUES ($id, $user, $ticket, $started, $expires);";
        command.Parameters.AddWithValue("$id", session.Id);
        command.Parameters.AddWithValue("$user", session.UserId);
        command.Parameters.AddWithValue("$ticket", session.Ticket);
        command.Parameters.AddWithValue("$started", session.StartedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$expires", session.ExpiresAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task RenewAsync(string id, byte[] ticket, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE staff_sessions SET ticket = $ticket, expires_at = $expires WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$ticket", ticket);
        command.Parameters.AddWithValue("$expires", expiresAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StaffSessionRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id, ticket, created_at, expires_at FROM staff_sessions WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StaffSessionRecord(
                id,
                reader.GetString(0),
                (byte[])reader.GetValue(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
            : null;
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM staff_sessions WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task RemoveAllOfAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM staff_sessions WHERE user_id = $user;";
        command.Parameters.AddWithValue("$user", userId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task RemoveEndedAsync(DateTimeOffset expiredBefore, DateTimeOffset startedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM staff_sessions WHERE expires_at < $expired OR created_at < $started;";
        command.Parameters.AddWithValue("$expired", expiredBefore.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$started", startedBefore.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
