using Microsoft.Data.Sqlite;
using QualityVoice.Feedback.Retention;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>The retention policy's reads and writes on the SQLite feedback database.</summary>
public sealed class SqliteRetention(SqliteDatabase database) : IRetentionStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<HeldWords>> FindOriginalWordsBeforeAsync(DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT reference, what_was_good, what_could_improve, redacted_what_was_good, redacted_what_could_improve
            FROM feedback_items
            WHERE submitted_at < $before AND originals_removed_at IS NULL AND analysis_state <> 'pending'
            ORDER BY submitted_at LIMIT $max;
            """;
        command.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$max", max);
        var held = new List<HeldWords>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            held.Add(new HeldWords(reader.GetString(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4)));
        }

        return held;
    }

    /// <inheritdoc />
    public async Task<int> RemoveOriginalWordsAsync(IReadOnlyList<KeptWords> kept, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE feedback_items
            SET what_was_good = $good, what_could_improve = $improve, contact_email = NULL, originals_removed_at = $at
            WHERE reference = $reference AND originals_removed_at IS NULL
            RETURNING id;
            """;
        var reference = command.Parameters.Add("$reference", SqliteType.Text);
        var good = command.Parameters.Add("$good", SqliteType.Text);
        var improve = command.Parameters.Add("$improve", SqliteType.Text);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());

        await using var others = connection.CreateCommand();
        others.Transaction = transaction;
        others.CommandText = """
            UPDATE feedback_messages SET text = redacted WHERE item_id = $id AND from_person = 1 AND text <> redacted;
            DELETE FROM reply_notifications WHERE item_id = $id AND state = 'pending';
            DELETE FROM update_notifications WHERE item_id = $id AND state = 'pending';
            """;
        var id = others.Parameters.Add("$id", SqliteType.Integer);

        var changed = 0;
        foreach (var words in kept)
        {
            reference.Value = words.Reference;
            good.Value = (object?)words.WhatWasGood ?? DBNull.Value;
            improve.Value = (object?)words.WhatCouldImprove ?? DBNull.Value;
            if (await command.ExecuteScalarAsync(cancellationToken) is long itemId)
            {
                id.Value = itemId;
                await others.ExecuteNonQueryAsync(cancellationToken);
                changed++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
