using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>The urgent queue on the SQLite feedback database.</summary>
public sealed class SqliteUrgentQueue(SqliteDatabase database) : IUrgentQueue
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<UrgentQueueRow>> ListAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {SqliteTriageStore.RowColumns}, i.acknowledged_by, i.acknowledged_at, i.first_action, i.urgent_answer_at
            FROM feedback_items i WHERE i.urgent = 1 AND i.status <> 'closed'
            ORDER BY i.acknowledged_at IS NOT NULL, coalesce(i.urgent_answer_at, i.submitted_at), i.id LIMIT $max;
            """;
        command.Parameters.AddWithValue("$max", max);
        var rows = new List<UrgentQueueRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var acknowledged = reader.IsDBNull(13)
                ? null
                : new UrgentAcknowledgement(reader.GetString(13), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(14)), reader.GetString(15));
            rows.Add(new UrgentQueueRow(SqliteTriageStore.ReadRow(reader), acknowledged, reader.IsDBNull(16) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(16))));
        }

        return rows;
    }

    /// <inheritdoc />
    public async Task<bool> AcknowledgeAsync(string reference, UrgentAcknowledgement acknowledgement, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """
            UPDATE feedback_items SET acknowledged_by = $by, acknowledged_at = $at, first_action = $action, version = version + 1
            WHERE reference = $reference AND urgent = 1 AND acknowledged_at IS NULL RETURNING id;
            """;
        update.Parameters.AddWithValue("$by", acknowledgement.By);
        update.Parameters.AddWithValue("$at", acknowledgement.At.ToUnixTimeMilliseconds());
        update.Parameters.AddWithValue("$action", acknowledgement.FirstAction);
        update.Parameters.AddWithValue("$reference", reference);
        if (await update.ExecuteScalarAsync(cancellationToken) is not long id)
        {
            return false;
        }

        await SqliteTriageStore.RecordAsync(connection, transaction, id, TriageEvents.Acknowledged(acknowledgement));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OverdueUrgentItem>> OverdueUntoldAsync(DateTimeOffset urgentBefore, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT reference, service_name, submitted_at, coalesce(urgent_answer_at, submitted_at) FROM feedback_items
            WHERE urgent = 1 AND acknowledged_at IS NULL AND coalesce(urgent_answer_at, submitted_at) < $before AND overdue_told_at IS NULL
                AND status <> 'closed'
            ORDER BY coalesce(urgent_answer_at, submitted_at), id LIMIT $max;
            """;
        command.Parameters.AddWithValue("$before", urgentBefore.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$max", max);
        var items = new List<OverdueUrgentItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new OverdueUrgentItem(
                reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return items;
    }

    /// <inheritdoc />
    public async Task MarkOverdueToldAsync(string reference, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE feedback_items SET overdue_told_at = $at WHERE reference = $reference;";
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$reference", reference);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
