using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>The e-mails owed for replies on /track, queued on the SQLite feedback database.</summary>
public sealed class SqliteReplyNotifications(SqliteDatabase database) : IReplyNotifications
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ReplyNotification>> ClaimAsync(int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var claim = connection.CreateCommand();
        claim.Transaction = transaction;
        claim.CommandText = """
            UPDATE reply_notifications SET lease_until = $until, attempts = attempts + 1
            WHERE message_id IN (
                SELECT message_id FROM reply_notifications
                WHERE state = 'pending' AND (lease_until IS NULL OR lease_until < $now)
                ORDER BY created_at LIMIT $max)
            RETURNING message_id, attempts;
            """;
        claim.Parameters.AddWithValue("$until", (now + leaseFor).ToUnixTimeMilliseconds());
        claim.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        claim.Parameters.AddWithValue("$max", max);
        var ids = new List<(long MessageId, int Attempts)>();
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add((reader.GetInt64(0), reader.GetInt32(1)));
            }
        }

        var claimed = new List<ReplyNotification>();
        var unreachable = new List<long>();
        foreach (var (messageId, attempts) in ids)
        {
            await using var details = connection.CreateCommand();
            details.Transaction = transaction;
            details.CommandText = """
                SELECT i.reference, i.service_name, i.contact_email
                FROM reply_notifications n JOIN feedback_items i ON i.id = n.item_id WHERE n.message_id = $id;
                """;
            details.Parameters.AddWithValue("$id", messageId);
            await using var reader = await details.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(2))
            {
                claimed.Add(new ReplyNotification(messageId.ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetString(0), reader.GetString(1), reader.GetString(2), attempts));
            }
            else
            {
                // The person withdrew their address after the reply was queued.
                unreachable.Add(messageId);
            }
        }

        foreach (var messageId in unreachable)
        {
            await using var drop = connection.CreateCommand();
            drop.Transaction = transaction;
            drop.CommandText = "DELETE FROM reply_notifications WHERE message_id = $id;";
            drop.Parameters.AddWithValue("$id", messageId);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <inheritdoc />
    public Task<bool> MarkSentAsync(ReplyNotification notification, DateTimeOffset at, CancellationToken cancellationToken) =>
        SetAsync(notification, "sent", at, cancellationToken);

    /// <inheritdoc />
    public Task<bool> GiveUpAsync(ReplyNotification notification, DateTimeOffset at, CancellationToken cancellationToken) =>
        SetAsync(notification, "failed", null, cancellationToken);

    private async Task<bool> SetAsync(ReplyNotification notification, string state, DateTimeOffset? sentAt, CancellationToken cancellationToken)
    {
        // Only under the claim it was tried under: once claimed again, the attempt count has moved on.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE reply_notifications SET state = $state, sent_at = $at, lease_until = NULL WHERE message_id = $id AND state = 'pending' AND attempts = $attempts;";
        command.Parameters.AddWithValue("$attempts", notification.Attempts);
        command.Parameters.AddWithValue("$state", state);
        command.Parameters.AddWithValue("$at", sentAt is { } at ? at.ToUnixTimeMilliseconds() : DBNull.Value);
        command.Parameters.AddWithValue("$id", long.Parse(notification.Key, System.Globalization.CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
