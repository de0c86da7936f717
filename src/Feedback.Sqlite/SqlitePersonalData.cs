using QualityVoice.Feedback.Rights;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>
/// Subject access and erasure on the SQLite feedback database: erasure removes the item and every row that copies or
/// points at it in one transaction (the connection's <c>secure_delete</c> zeroes what was removed), and the triggers
/// take it out of the running totals as they counted it in.
/// </summary>
public sealed class SqlitePersonalData(SqliteDatabase database) : IPersonalDataStore
{
    private readonly SqliteTriageStore _triage = new(database);

    /// <inheritdoc />
    public async Task<HeldFeedback?> FindHeldAsync(string reference, CancellationToken cancellationToken)
    {
        if (await _triage.GetAsync(reference, cancellationToken) is not { } item)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT contact_email FROM feedback_items WHERE reference = $reference;";
        command.Parameters.AddWithValue("$reference", reference);
        return new HeldFeedback(item, await command.ExecuteScalarAsync(cancellationToken) as string);
    }

    /// <inheritdoc />
    public async Task<bool> EraseAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;

        // Its themes go while the item is still there, so that the theme counts' trigger reads the feeling it counted.
        command.CommandText = """
            DELETE FROM tracking_failures WHERE reference = $reference;
            SELECT id FROM feedback_items WHERE reference = $reference;
            """;
        command.Parameters.AddWithValue("$reference", reference);
        if (await command.ExecuteScalarAsync(cancellationToken) is not long id)
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        command.CommandText = """
            DELETE FROM feedback_themes WHERE item_id = $id;
            DELETE FROM update_feedback WHERE item_id = $id;
            DELETE FROM update_notifications WHERE item_id = $id;
            DELETE FROM reply_notifications WHERE item_id = $id;
            DELETE FROM feedback_messages WHERE item_id = $id;
            DELETE FROM feedback_events WHERE item_id = $id;
            DELETE FROM feedback_search WHERE rowid = $id;
            DELETE FROM feedback_items WHERE id = $id;
            """;
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
