using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>Failed tracking attempts in a database's <c>tracking_failures</c> table.</summary>
public sealed class SqliteTrackingAttemptLedger(SqliteDatabase database) : ITrackingAttemptLedger
{
    /// <inheritdoc />
    public async Task<DateTimeOffset?> LockedUntilAsync(string reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT locked_until FROM tracking_failures WHERE reference = $reference AND locked_until > $now;";
        command.Parameters.AddWithValue("$reference", reference);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        return await command.ExecuteScalarAsync(cancellationToken) is long until ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null;
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset?> RecordFailureAsync(string reference, DateTimeOffset now, int maxFailures, TimeSpan lockFor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // One statement, so concurrent failures count exactly. A lock that has run out starts the count again.
        command.CommandText = """
            INSERT INTO tracking_failures (reference, failures, locked_until) VALUES ($reference, 1, NULL)
            ON CONFLICT (reference) DO UPDATE SET
                failures = CASE WHEN locked_until IS NOT NULL AND locked_until <= $now THEN 1 ELSE failures + 1 END,
                locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= $now THEN NULL ELSE locked_until END;
            UPDATE tracking_failures SET locked_until = $lockedUntil, failures = 0
            WHERE reference = $reference AND failures >= $maxFailures;
            SELECT locked_until FROM tracking_failures WHERE reference = $reference AND locked_until > $now;
            """;
        command.Parameters.AddWithValue("$reference", reference);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$lockedUntil", (now + lockFor).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$maxFailures", maxFailures);
        await using var transaction = connection.BeginTransaction(deferred: false);
        command.Transaction = transaction;
        var result = await command.ExecuteScalarAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result is long until ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null;
    }

    /// <inheritdoc />
    public async Task ClearFailuresAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM tracking_failures WHERE reference = $reference;";
        command.Parameters.AddWithValue("$reference", reference);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
