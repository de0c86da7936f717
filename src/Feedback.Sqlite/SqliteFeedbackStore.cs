using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using QualityVoice.Feedback.Outbox;
using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>The embedded default feedback store: one SQLite file in WAL mode, written with group commit.</summary>
public sealed class SqliteFeedbackStore : IFeedbackStore, IAsyncDisposable
{
    private const string ItemColumns = """
        reference, kind, service_id, service_name, fft_rating, what_was_good, what_could_improve,
        experience_month, collection_mode, submitted_at, status, contact_email IS NOT NULL, analysis_state, analysis
        """;

    private static readonly JsonSerializerOptions AnalysisJson = new(JsonSerializerDefaults.Web);

    private readonly SqliteDatabase _database;
    private readonly SqliteIntakeWriter _writer;

    /// <summary>Opens the store on a database whose schema is already migrated.</summary>
    public SqliteFeedbackStore(SqliteDatabase database)
    {
        _database = database;
        _writer = new SqliteIntakeWriter(database);
    }

    /// <summary>The schema scripts of the feedback database.</summary>
    public static SqliteMigrations Migrations { get; } = SqliteMigrations.FromEmbeddedResources(
        typeof(SqliteFeedbackStore).Assembly, "QualityVoice.Feedback.Storage.Sqlite.Migrations.feedback.");

    /// <inheritdoc />
    public Task<AddResult> AddAsync(FeedbackRecord record, CancellationToken cancellationToken) =>
        _writer.AddAsync(record, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<AddResult>> AddBatchAsync(IReadOnlyList<FeedbackRecord> batch, CancellationToken cancellationToken)
    {
        await using var writer = await SqliteBatchWriter.OpenAsync(_database, int.MaxValue, cancellationToken);
        var results = await writer.AddAsync(batch, cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return results;
    }

    /// <inheritdoc />
    public async Task<IFeedbackBatchWriter> OpenBatchWriterAsync(int rowsPerTransaction, CancellationToken cancellationToken) =>
        await SqliteBatchWriter.OpenAsync(_database, rowsPerTransaction, cancellationToken);

    /// <inheritdoc />
    public async Task<int> ImportAsync(IReadOnlyList<ImportedFeedback> batch, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO feedback_items
                (reference, passphrase_hash, kind, service_id, service_name, fft_rating, what_was_good, what_could_improve,
                 experience_month, collection_mode, contact_email, submitted_at, status, assigned_to,
                 analysis_state, analysed_at, analyzer, model_version, sentiment, sentiment_score, urgent, needs_review,
                 redacted_what_was_good, redacted_what_could_improve, analysis)
            VALUES
                ($reference, $passphraseHash, $kind, $serviceId, $serviceName, $fftRating, $whatWasGood, $whatCouldImprove,
                 $experienceMonth, $collectionMode, $contactEmail, $submittedAt, $status, $assignedTo,
                 'done', $analysedAt, $analyzer, $modelVersion, $sentiment, $score, $urgent, $needsReview,
                 $redactedGood, $redactedImprove, $analysis)
            ON CONFLICT DO NOTHING
            RETURNING id;
            """;
        var written = 0;
        foreach (var (record, analysis, status, assignedTo) in batch)
        {
            insert.Parameters.Clear();
            FeedbackRecordParameters.Add(insert, record);
            insert.Parameters.AddWithValue("$status", WireName<TriageStatus>.Of(status));
            insert.Parameters.AddWithValue("$assignedTo", (object?)assignedTo ?? DBNull.Value);
            AddAnalysis(insert, analysis);
            if (await insert.ExecuteScalarAsync(cancellationToken) is not long id)
            {
                continue;
            }

            await SqliteThemes.ReplaceAsync(connection, transaction, id, analysis.Themes, analysis.ThemeSentiments, cancellationToken);
            await SqliteThemes.IndexTextAsync(connection, transaction, id, analysis.RedactedWhatWasGood, analysis.RedactedWhatCouldImprove, cancellationToken);
            written++;
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <inheritdoc />
    public async Task<FeedbackItem?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ItemColumns} FROM feedback_items WHERE reference = $reference;";
        command.Parameters.AddWithValue("$reference", reference);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadItem(reader) : null;
    }

    /// <inheritdoc />
    public async Task<(TrackedFeedback Item, byte[] PassphraseHash)?> FindForTrackingAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reference, submitted_at, service_name, status, passphrase_hash, public_reply, public_reply_at, contact_email IS NOT NULL FROM feedback_items WHERE reference = $reference;";
        command.Parameters.AddWithValue("$reference", reference);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var item = new TrackedFeedback(
            reader.GetString(0),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
            reader.GetString(2),
            WireName<TriageStatus>.Parse(reader.GetString(3)),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
            CanContact: reader.GetBoolean(7));
        var passphraseHash = (byte[])reader.GetValue(4);
        await reader.DisposeAsync();

        // The live "you said, we did" updates that answer it.
        await using var updates = connection.CreateCommand();
        updates.CommandText = """
            SELECT u.slug, json_extract(v.content, '$.title'), u.first_published
            FROM feedback_items i
            JOIN update_feedback l ON l.item_id = i.id
            JOIN updates u ON u.id = l.update_id
            JOIN update_versions v ON v.update_id = u.id AND v.version = u.live_version
            WHERE i.reference = $reference ORDER BY u.first_published;
            """;
        updates.Parameters.AddWithValue("$reference", reference);
        var answered = new List<TrackedUpdate>();
        await using (var rows = await updates.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken))
            {
                answered.Add(new TrackedUpdate(rows.GetString(0), rows.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(2))));
            }
        }

        return (item with { Updates = answered, Conversation = await ConversationAsync(connection, null, reference, cancellationToken) }, passphraseHash);
    }

    /// <summary>An item's conversation, oldest first, in the caller's connection (and transaction, if any).</summary>
    internal static async Task<IReadOnlyList<FeedbackMessage>> ConversationAsync(SqliteConnection connection, SqliteTransaction? transaction, string reference, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT m.from_person, m.text, m.redacted, m.at FROM feedback_messages m JOIN feedback_items i ON i.id = m.item_id
            WHERE i.reference = $reference ORDER BY m.id;
            """;
        command.Parameters.AddWithValue("$reference", reference);
        var messages = new List<FeedbackMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new FeedbackMessage(reader.GetBoolean(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return messages;
    }

    /// <summary>
    /// Adds a message to an item's conversation, in the caller's transaction. A reply from the team to someone who
    /// left an address queues an e-mail telling them it is there, in the same transaction.
    /// </summary>
    internal static async Task AddMessageAsync(SqliteConnection connection, SqliteTransaction transaction, long itemId, FeedbackMessage message, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO feedback_messages (item_id, at, from_person, text, redacted) VALUES ($id, $at, $person, $text, $redacted);
            INSERT INTO reply_notifications (message_id, item_id, created_at)
            SELECT last_insert_rowid(), id, $at FROM feedback_items WHERE id = $id AND contact_email IS NOT NULL AND NOT $person;
            """;
        insert.Parameters.AddWithValue("$id", itemId);
        insert.Parameters.AddWithValue("$at", message.At.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$person", message.FromPerson);
        insert.Parameters.AddWithValue("$text", message.Text);
        insert.Parameters.AddWithValue("$redacted", message.Redacted);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> ForgetContactAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM update_notifications WHERE state = 'pending' AND item_id = (SELECT id FROM feedback_items WHERE reference = $reference);
            DELETE FROM reply_notifications WHERE state = 'pending' AND item_id = (SELECT id FROM feedback_items WHERE reference = $reference);
            UPDATE feedback_items SET contact_email = NULL WHERE reference = $reference AND contact_email IS NOT NULL RETURNING id;
            """;
        command.Parameters.AddWithValue("$reference", reference);
        var forgotten = await command.ExecuteScalarAsync(cancellationToken) is not null;
        await transaction.CommitAsync(cancellationToken);
        return forgotten;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingAnalysis>> ClaimForAnalysisAsync(int max, string leaseToken, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE feedback_items
            SET analysis_lease = $lease, analysis_lease_until = $until, analysis_attempts = analysis_attempts + 1
            WHERE id IN (
                SELECT id FROM feedback_items
                WHERE analysis_state = 'pending' AND (analysis_lease_until IS NULL OR analysis_lease_until < $now)
                ORDER BY id LIMIT $max)
            RETURNING reference, what_was_good, what_could_improve, fft_rating, analysis_attempts, analysis_trace;
            """;
        command.Parameters.AddWithValue("$lease", leaseToken);
        command.Parameters.AddWithValue("$until", (now + leaseFor).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$max", max);
        var claimed = new List<PendingAnalysis>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(new PendingAnalysis(
                    reader.GetString(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    WireName<FftRating>.Parse(reader.GetString(3)),
                    reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <inheritdoc />
    public async Task<int> SaveAnalysesAsync(string leaseToken, IReadOnlyList<AnalysedItem> analyses, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var stored = 0;
        foreach (var (reference, analysis) in analyses)
        {
            stored += await SaveAnalysisAsync(connection, transaction, reference, leaseToken, analysis, cancellationToken) ? 1 : 0;
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    private static async Task<bool> SaveAnalysisAsync(
        SqliteConnection connection, SqliteTransaction transaction, string reference, string leaseToken, FeedbackAnalysis analysis, CancellationToken cancellationToken)
    {
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        // A member of staff's correction is a human label: analysis never overwrites it. Nor does it clear the urgency of
        // the person's answer on /track, which it did not read, or of a member of staff's marking.
        update.CommandText = """
            UPDATE feedback_items SET
                analysis_state = 'done', analysis_lease = NULL, analysis_lease_until = NULL, analysed_at = $analysedAt,
                analyzer = $analyzer, model_version = $modelVersion,
                sentiment = CASE WHEN sentiment_by IS NULL THEN $sentiment ELSE sentiment END,
                sentiment_score = CASE WHEN sentiment_by IS NULL THEN $score ELSE sentiment_score END,
                urgent = $urgent OR urgent_answer_at IS NOT NULL OR marked_urgent_at IS NOT NULL, redacted_what_was_good = $redactedGood, redacted_what_could_improve = $redactedImprove, analysis = $analysis,
                needs_review = CASE WHEN themes_by IS NULL AND sentiment_by IS NULL THEN $needsReview ELSE 0 END
            WHERE reference = $reference AND analysis_lease = $lease
            RETURNING id, themes_by IS NULL, sentiment_by IS NULL;
            """;
        AddAnalysis(update, analysis);
        update.Parameters.AddWithValue("$reference", reference);
        update.Parameters.AddWithValue("$lease", leaseToken);
        long id;
        bool modelThemes, modelSentiment;
        await using (var updated = await update.ExecuteReaderAsync(cancellationToken))
        {
            if (!await updated.ReadAsync(cancellationToken))
            {
                return false;
            }

            id = updated.GetInt64(0);
            modelThemes = updated.GetBoolean(1);
            modelSentiment = updated.GetBoolean(2);
        }

        // Staff's themes stay; a feeling staff gave the item is the feeling about each of its themes.
        if (modelThemes)
        {
            await SqliteThemes.ReplaceAsync(connection, transaction, id, analysis.Themes, modelSentiment ? analysis.ThemeSentiments : null, cancellationToken);
        }

        await SqliteThemes.IndexTextAsync(connection, transaction, id, analysis.RedactedWhatWasGood, analysis.RedactedWhatCouldImprove, cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task MarkAnalysisFailedAsync(string reference, string leaseToken, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE feedback_items SET analysis_state = 'failed', analysis_lease = NULL, analysis_lease_until = NULL
            WHERE reference = $reference AND analysis_lease = $lease;
            """;
        command.Parameters.AddWithValue("$reference", reference);
        command.Parameters.AddWithValue("$lease", leaseToken);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> RequeueForAnalysisAsync(string modelVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE feedback_items SET analysis_state = 'pending', analysis_attempts = 0, analysis_queued_at = $now
            WHERE analysis_state = 'failed' OR (analysis_state = 'done' AND model_version IS NOT $modelVersion);
            """;
        command.Parameters.AddWithValue("$modelVersion", modelVersion);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AnalysisBacklog> ReadAnalysisBacklogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MIN(coalesce(analysis_queued_at, submitted_at)) FROM feedback_items WHERE analysis_state = 'pending';";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new AnalysisBacklog(reader.GetInt32(0), reader.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<FeedbackItem> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Keyset pages on the row id, so a million rows stream in constant memory and no read holds a long lock.
        var after = 0L;
        while (true)
        {
            var page = new List<(long Id, FeedbackItem Item)>(1000);
            await using (var connection = await _database.OpenAsync(cancellationToken))
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT id, {ItemColumns} FROM feedback_items WHERE id > $after ORDER BY id LIMIT 1000;";
                command.Parameters.AddWithValue("$after", after);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add((reader.GetInt64(0), ReadItem(reader, offset: 1)));
                }
            }

            foreach (var (_, item) in page)
            {
                yield return item;
            }

            if (page.Count < 1000)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FeedbackItem>> ListNewestAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ItemColumns} FROM feedback_items ORDER BY submitted_at DESC, id DESC LIMIT $count;";
        command.Parameters.AddWithValue("$count", count);
        var items = new List<FeedbackItem>(count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadItem(reader));
        }

        return items;
    }

    /// <summary>Finishes any queued writes and stops the writer.</summary>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private static FeedbackItem ReadItem(SqliteDataReader reader, int offset = 0) => new(
        Reference: reader.GetString(offset),
        Kind: WireName<FeedbackKind>.Parse(reader.GetString(offset + 1)),
        ServiceId: reader.GetString(offset + 2),
        ServiceName: reader.GetString(offset + 3),
        FftRating: WireName<FftRating>.Parse(reader.GetString(offset + 4)),
        WhatWasGood: reader.IsDBNull(offset + 5) ? null : reader.GetString(offset + 5),
        WhatCouldImprove: reader.IsDBNull(offset + 6) ? null : reader.GetString(offset + 6),
        ExperienceMonth: YearMonth.TryParse(reader.IsDBNull(offset + 7) ? null : reader.GetString(offset + 7), out var month) ? month : null,
        CollectionMode: WireName<CollectionMode>.Parse(reader.GetString(offset + 8)),
        SubmittedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(offset + 9)),
        Status: WireName<TriageStatus>.Parse(reader.GetString(offset + 10)),
        ConsentedToContact: reader.GetBoolean(offset + 11),
        AnalysisState: WireName<AnalysisState>.Parse(reader.GetString(offset + 12)),
        Analysis: reader.IsDBNull(offset + 13) ? null : JsonSerializer.Deserialize<FeedbackAnalysis>(reader.GetString(offset + 13), AnalysisJson));

    /// <summary>What analysis found, as the parameters the import and the analysis worker's update both write.</summary>
    private static void AddAnalysis(SqliteCommand command, FeedbackAnalysis analysis)
    {
        command.Parameters.AddWithValue("$analysedAt", analysis.AnalysedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$analyzer", analysis.Analyzer);
        command.Parameters.AddWithValue("$modelVersion", analysis.ModelVersion);
        command.Parameters.AddWithValue("$sentiment", WireName<QualityVoice.Analysis.Sentiment>.Of(analysis.Sentiment));
        command.Parameters.AddWithValue("$score", analysis.SentimentScore);
        command.Parameters.AddWithValue("$urgent", analysis.Urgent);
        command.Parameters.AddWithValue("$needsReview", analysis.NeedsReview);
        command.Parameters.AddWithValue("$redactedGood", (object?)analysis.RedactedWhatWasGood ?? DBNull.Value);
        command.Parameters.AddWithValue("$redactedImprove", (object?)analysis.RedactedWhatCouldImprove ?? DBNull.Value);
        command.Parameters.AddWithValue("$analysis", JsonSerializer.Serialize(analysis, AnalysisJson));
    }
}
