using QualityVoice.Feedback.Publishing;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>The e-mails owed for live updates, queued on the SQLite feedback database.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Security",
    "CA2100:Review SQL queries for security vulnerabilities",
    Justification = "The assignments are fixed fragments in this class; every value is a parameter.")]
public sealed class SqliteUpdateNotifications(SqliteDatabase database) : IUpdateNotifications
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<UpdateNotification>> ClaimAsync(int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE update_notifications SET lease_until = $until, attempts = attempts + 1
            WHERE (update_id, item_id) IN (
                SELECT update_id, item_id FROM update_notifications
                WHERE state = 'pending' AND (lease_until IS NULL OR lease_until < $now)
                  AND update_id = (
                      SELECT update_id FROM update_notifications
                      WHERE state = 'pending' AND (lease_until IS NULL OR lease_until < $now)
                      ORDER BY created_at LIMIT 1)
                ORDER BY created_at LIMIT $max)
            RETURNING update_id, item_id, attempts;
            """;
        command.Parameters.AddWithValue("$until", (now + leaseFor).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$max", max);
        var claimed = new List<(long UpdateId, long ItemId, int Attempts)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2)));
            }
        }

        var notifications = new List<UpdateNotification>(claimed.Count);
        foreach (var (updateId, itemId, attempts) in claimed)
        {
            await using var details = connection.CreateCommand();
            details.Transaction = transaction;
            details.CommandText = """
                SELECT i.reference, i.service_name, i.contact_email, u.slug, json_extract(v.content, '$.title')
                FROM feedback_items i, updates u JOIN update_versions v ON v.update_id = u.id AND v.version = coalesce(u.live_version, u.version)
                WHERE i.id = $item AND u.id = $update;
                """;
            details.Parameters.AddWithValue("$item", itemId);
            details.Parameters.AddWithValue("$update", updateId);
            await using var reader = await details.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(2))
            {
                notifications.Add(new UpdateNotification($"{updateId}:{itemId}", reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), attempts));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return notifications;
    }

    /// <inheritdoc />
    public Task<bool> MarkSentAsync(UpdateNotification notification, DateTimeOffset at, CancellationToken cancellationToken) =>
        SetAsync(notification, "state = 'sent', sent_at = $at, lease_until = NULL", at, cancellationToken);

    /// <inheritdoc />
    public Task<bool> GiveUpAsync(UpdateNotification notification, DateTimeOffset at, CancellationToken cancellationToken) =>
        SetAsync(notification, "state = 'failed', lease_until = NULL", at, cancellationToken);

    private async Task<bool> SetAsync(UpdateNotification notification, string assignments, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Only under the claim it was tried under: once claimed again, the attempt count has moved on.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE update_notifications SET {assignments} WHERE update_id = $update AND item_id = $item AND state = 'pending' AND attempts = $attempts;";
        command.Parameters.AddWithValue("$attempts", notification.Attempts);
        if (assignments.Contains("$at", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        }

        var ids = notification.Key.Split(':');
        command.Parameters.AddWithValue("$update", long.Parse(ids[0], System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$item", long.Parse(ids[1], System.Globalization.CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
