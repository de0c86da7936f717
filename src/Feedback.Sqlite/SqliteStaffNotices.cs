using QualityVoice.Feedback.Publishing;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>E-mails to staff about publishing work, queued on the SQLite feedback database.</summary>
public sealed class SqliteStaffNotices(SqliteDatabase database) : IStaffNotices
{
    /// <inheritdoc />
    public async Task QueueAsync(IReadOnlyList<StaffNotice> notices, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var notice in notices)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO staff_notices (to_address, subject, body, created_at) VALUES ($to, $subject, $body, $at);";
            insert.Parameters.AddWithValue("$to", notice.To);
            insert.Parameters.AddWithValue("$subject", notice.Subject);
            insert.Parameters.AddWithValue("$body", notice.Body);
            insert.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueuedStaffNotice>> ClaimAsync(int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE staff_notices SET lease_until = $until, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM staff_notices
                WHERE state = 'pending' AND (lease_until IS NULL OR lease_until < $now)
                ORDER BY created_at, id LIMIT $max)
            RETURNING id, to_address, subject, body, attempts;
            """;
        command.Parameters.AddWithValue("$until", (now + leaseFor).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$max", max);
        var claimed = new List<QueuedStaffNotice>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new QueuedStaffNotice(reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture), new StaffNotice(reader.GetString(1), reader.GetString(2), reader.GetString(3)), reader.GetInt32(4)));
        }

        return claimed;
    }

    /// <inheritdoc />
    public async Task<bool> FinishAsync(QueuedStaffNotice notice, bool sent, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Only under the claim it was tried under: once claimed again, the attempt count has moved on.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE staff_notices SET state = $state, sent_at = $at, lease_until = NULL WHERE id = $id AND state = 'pending' AND attempts = $attempts;";
        command.Parameters.AddWithValue("$attempts", notice.Attempts);
        command.Parameters.AddWithValue("$state", sent ? "sent" : "failed");
        command.Parameters.AddWithValue("$at", sent ? at.ToUnixTimeMilliseconds() : DBNull.Value);
        command.Parameters.AddWithValue("$id", long.Parse(notice.Id, System.Globalization.CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
