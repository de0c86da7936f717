using QualityVoice.Feedback.Tracking;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>The person's answers on /track, on the SQLite feedback database.</summary>
public sealed class SqliteFeedbackConversation(SqliteDatabase database) : IFeedbackConversation
{
    /// <inheritdoc />
    public async Task<bool> AnswerAsync(string reference, FeedbackMessage answer, TriageStatus status, bool urgent, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE feedback_items SET status = $status, version = version + 1 WHERE reference = $reference RETURNING id;";
        update.Parameters.AddWithValue("$status", WireName<TriageStatus>.Of(status));
        update.Parameters.AddWithValue("$reference", reference);
        if (await update.ExecuteScalarAsync(cancellationToken) is not long id)
        {
            return false;
        }

        if (urgent)
        {
            await using var flag = connection.CreateCommand();
            flag.Transaction = transaction;
            flag.CommandText = """
                UPDATE feedback_items SET urgent = 1, urgent_answer_at = $at, acknowledged_by = NULL, acknowledged_at = NULL, first_action = NULL,
                    overdue_told_at = NULL
                WHERE id = $id;
                """;
            flag.Parameters.AddWithValue("$at", answer.At.ToUnixTimeMilliseconds());
            flag.Parameters.AddWithValue("$id", id);
            await flag.ExecuteNonQueryAsync(cancellationToken);
        }

        await SqliteFeedbackStore.AddMessageAsync(connection, transaction, id, answer, cancellationToken);
        await SqliteTriageStore.RecordAsync(connection, transaction, id, TriageEvents.Answered(status, urgent, answer.At));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
