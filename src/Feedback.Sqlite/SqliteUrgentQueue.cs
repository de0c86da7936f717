using Microsoft.Data.Sqlite;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>The urgent queue on the SQLite feedback database.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Security",
    "CA2100:Review SQL queries for security vulnerabilities",
    Justification = "Statements are fixed text in this class; every value is a parameter.")]
public sealed class SqliteUrgentQueue(SqliteDatabase database) : IUrgentQueue
{
    /// <summary>When an item's 24-hour clock started (<see cref="UrgentResponse.ClockFrom"/>), as the index on it reads it.</summary>
    internal const string UrgentSince = "max(i.submitted_at, coalesce(i.urgent_answer_at, 0), coalesce(i.marked_urgent_at, 0))";

    /// <summary>The columns <see cref="ReadQueueRow"/> reads, from <c>feedback_items i</c>.</summary>
    internal const string QueueRowColumns = $"""
        {SqliteTriageStore.RowColumns}, i.acknowledged_by, i.acknowledged_at, i.first_action, i.urgent_answer_at,
        i.marked_urgent_by, i.marked_urgent_at, i.marked_urgent_reason
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<UrgentQueueRow>> ListAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {QueueRowColumns}
            FROM feedback_items i WHERE i.urgent = 1 AND i.status <> 'closed'
            ORDER BY i.acknowledged_at IS NOT NULL, {UrgentSince}, i.id LIMIT $max;
            """;
        command.Parameters.AddWithValue("$max", max);
        var rows = new List<UrgentQueueRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReadQueueRow(reader));
        }

        return rows;
    }

    /// <summary>A row of <see cref="QueueRowColumns"/>.</summary>
    internal static UrgentQueueRow ReadQueueRow(SqliteDataReader reader)
    {
        var acknowledged = reader.IsDBNull(13)
            ? null
            : new UrgentAcknowledgement(reader.GetString(13), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(14)), reader.GetString(15));
        return new UrgentQueueRow(
            SqliteTriageStore.ReadRow(reader), acknowledged, reader.IsDBNull(16) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(16)), ReadMarking(reader, 17));
    }

    /// <inheritdoc />
    public Task<bool> AcknowledgeAsync(string reference, UrgentAcknowledgement acknowledgement, CancellationToken cancellationToken) =>
        ChangeAsync(
            reference,
            """
            UPDATE feedback_items SET acknowledged_by = $by, acknowledged_at = $at, first_action = $detail, version = version + 1
            WHERE reference = $reference AND urgent = 1 AND acknowledged_at IS NULL RETURNING id;
            """,
            (acknowledgement.By, acknowledgement.At, acknowledgement.FirstAction),
            TriageEvents.Acknowledged(acknowledgement),
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> MarkUrgentAsync(string reference, UrgentMarking marking, CancellationToken cancellationToken) =>
        // Not urgent and not closed (UrgentResponse.CanMarkUrgent); an acknowledgement left from when an earlier model
        // flagged it is cleared, as an urgent answer clears it: the marking is a new risk.
        ChangeAsync(
            reference,
            """
            UPDATE feedback_items SET urgent = 1, marked_urgent_by = $by, marked_urgent_at = $at, marked_urgent_reason = $detail,
                acknowledged_by = NULL, acknowledged_at = NULL, first_action = NULL, overdue_told_at = NULL, version = version + 1
            WHERE reference = $reference AND urgent = 0 AND status <> 'closed' RETURNING id;
            """,
            (marking.By, marking.At, marking.Reason),
            TriageEvents.MarkedUrgent(marking),
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<OverdueUrgentItem>> OverdueUntoldAsync(DateTimeOffset urgentBefore, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT i.reference, i.service_name, i.submitted_at, {UrgentSince}, i.marked_urgent_by, i.marked_urgent_at, i.marked_urgent_reason
            FROM feedback_items i
            WHERE i.urgent = 1 AND i.acknowledged_at IS NULL AND {UrgentSince} < $before AND i.overdue_told_at IS NULL
                AND i.status <> 'closed'
            ORDER BY {UrgentSince}, i.id LIMIT $max;
            """;
        command.Parameters.AddWithValue("$before", urgentBefore.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$max", max);
        var items = new List<OverdueUrgentItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new OverdueUrgentItem(
                reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), ReadMarking(reader, 4)));
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

    /// <summary>
    /// Runs one guarded change of an item (<paramref name="update"/>, with <c>$reference</c>, <c>$by</c>, <c>$at</c> and
    /// <c>$detail</c>, returning the item's id) and adds what happened to its history, together; false when the guard
    /// matched no item.
    /// </summary>
    private async Task<bool> ChangeAsync(
        string reference, string update, (string By, DateTimeOffset At, string Detail) change, TriageEvent happened, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = update;
        command.Parameters.AddWithValue("$reference", reference);
        command.Parameters.AddWithValue("$by", change.By);
        command.Parameters.AddWithValue("$at", change.At.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$detail", change.Detail);
        if (await command.ExecuteScalarAsync(cancellationToken) is not long id)
        {
            return false;
        }

        await SqliteTriageStore.RecordAsync(connection, transaction, id, happened);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Reads a marking from its three columns (by, at, reason) starting at <paramref name="by"/>; null when nobody marked it.</summary>
    internal static UrgentMarking? ReadMarking(SqliteDataReader reader, int by) =>
        reader.IsDBNull(by)
            ? null
            : new UrgentMarking(reader.GetString(by), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(by + 1)), reader.GetString(by + 2));
}
