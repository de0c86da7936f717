using QualityVoice.Feedback.Audit;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>The audit log in its own SQLite file (<c>audit.db</c>), whose triggers refuse updates and deletes.</summary>
public sealed class SqliteAuditLog(SqliteDatabase database) : IAuditLog
{
    /// <summary>The audit database's schema scripts.</summary>
    public static SqliteMigrations Migrations { get; } = SqliteMigrations.FromEmbeddedResources(
        typeof(SqliteAuditLog).Assembly, "QualityVoice.Feedback.Storage.Sqlite.Migrations.audit.");

    /// <inheritdoc />
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES ($at, $actor, $action, $subject, $detail);";
        command.Parameters.AddWithValue("$at", entry.At.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$actor", entry.Actor);
        command.Parameters.AddWithValue("$action", entry.Action);
        command.Parameters.AddWithValue("$subject", entry.Subject);
        command.Parameters.AddWithValue("$detail", entry.Detail);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<(IReadOnlyList<(long Id, AuditEntry Entry)> Entries, long? Next)> ReadAsync(AuditQuery query, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, at, actor, action, subject, detail FROM audit_log
            WHERE ($actor IS NULL OR actor = $actor) AND ($action IS NULL OR action = $action)
              AND ($subject IS NULL OR subject = $subject) AND ($before IS NULL OR id < $before)
              AND (substr(subject, 1, length($speakUp1)) = $speakUp1 OR substr(subject, 1, length($speakUp2)) = $speakUp2) = $wantSpeakUp
            ORDER BY id DESC LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$speakUp1", AuditEntry.SpeakUpSubjectPrefixes[0]);
        command.Parameters.AddWithValue("$speakUp2", AuditEntry.SpeakUpSubjectPrefixes[1]);
        command.Parameters.AddWithValue("$wantSpeakUp", query.Area == AuditArea.SpeakUp);
        command.Parameters.AddWithValue("$actor", (object?)query.Actor ?? DBNull.Value);
        command.Parameters.AddWithValue("$action", (object?)query.Action ?? DBNull.Value);
        command.Parameters.AddWithValue("$subject", (object?)query.Subject ?? DBNull.Value);
        command.Parameters.AddWithValue("$before", (object?)query.Before ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", pageSize + 1);
        var entries = new List<(long, AuditEntry)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add((reader.GetInt64(0), new AuditEntry(
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5))));
        }

        if (entries.Count > pageSize)
        {
            entries.RemoveAt(pageSize);
            return (entries, entries[^1].Item1);
        }

        return (entries, null);
    }
}
