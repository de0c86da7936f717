using QualityVoice.Feedback.Tracking;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>The person's answers on /track, on the SQLite feedback database.</summary>
public sealed class SqliteFeedbackConversation(SqliteDatabase database) : IFeedbackConversation
{
    /// <summary>Who the history names as the author of an answer.</summary>
    public const string Person = "The person who gave the feedback";

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
        await SqliteTriageStore.RecordAsync(
            connection,
            transaction,
            id,
            answer.At,
            Person,
            "answer",
            $"Answered the reply on /track (status: {TriageStatusText.Of(status)})" + (urgent ? ". The answer reads as urgent: it waits in the urgent queue for someone to read it, within 24 hours" : string.Empty));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
