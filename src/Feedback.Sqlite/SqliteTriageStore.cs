using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using QualityVoice.Analysis;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>The quality team's inbox and changes, on the SQLite feedback database.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Security",
    "CA2100:Review SQL queries for security vulnerabilities",
    Justification = "Statements are assembled from fixed fragments in this class and InboxSql; every value is a parameter.")]
public sealed class SqliteTriageStore(SqliteDatabase database) : ITriageStore
{
    /// <summary>The columns <see cref="ReadRow"/> reads, from <c>feedback_items i</c>.</summary>
    internal const string RowColumns = """
        i.id, i.reference, i.submitted_at, i.service_name, i.kind, i.fft_rating, i.status, i.sentiment, i.urgent, i.assigned_to,
        coalesce(i.redacted_what_could_improve, i.redacted_what_was_good), i.analysis_state,
        (SELECT group_concat(theme, char(31)) FROM feedback_themes WHERE item_id = i.id)
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] Facets = ["service", "kind", "fft", "status", "sentiment", "urgent"];

    /// <inheritdoc />
    public async Task<InboxPage> SearchAsync(InboxFilter filter, InboxOrder order, string? after, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var (from, conditions, (at, id)) = InboxSql.Build(filter, command);
        var before = order == InboxOrder.Newest ? "<" : ">";
        if (!string.IsNullOrEmpty(after))
        {
            var cursor = InboxSql.ReadCursor(after) ?? throw new InvalidCursorException();
            conditions.Add(at is null ? $"{id} {before} $afterId" : $"({at}, {id}) {before} ($afterAt, $afterId)");
            command.Parameters.AddWithValue("$afterAt", cursor.SubmittedAt);
            command.Parameters.AddWithValue("$afterId", cursor.Id);
        }

        command.CommandText = $"""
            SELECT {RowColumns} FROM {from}
            {Where(conditions)}
            ORDER BY {OrderBy(at, id, order)} LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$limit", pageSize + 1);
        var rows = new List<InboxRow>(pageSize + 1);
        (long At, long Id) last = default;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (rows.Count == pageSize)
                {
                    return new InboxPage(rows, InboxSql.Cursor(last.At, last.Id));
                }

                last = (reader.GetInt64(2), reader.GetInt64(0));
                rows.Add(ReadRow(reader));
            }
        }

        return new InboxPage(rows, null);
    }

    /// <inheritdoc />
    public async Task<InboxCounts> CountAsync(InboxFilter filter, CancellationToken cancellationToken)
    {
        var counts = Facets.ToDictionary(facet => facet, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
        var total = 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        bool capped;
        if (filter.IsCountable)
        {
            // Exact, from the running totals the triggers keep: a few thousand rows rather than a million.
            var (_, conditions, _) = InboxSql.Build(filter, command);
            conditions = conditions.Select(condition => condition.Replace("i.", string.Empty, StringComparison.Ordinal)).Append("n > 0").ToList();
            command.CommandText = $"SELECT service_id, kind, fft_rating, status, sentiment, urgent, n FROM feedback_totals {Where(conditions)};";
            capped = false;
        }
        else
        {
            var (from, conditions, (at, id)) = InboxSql.Build(filter, command);
            command.CommandText = $"""
                SELECT i.service_id, i.kind, i.fft_rating, i.status, coalesce(i.sentiment, ''), i.urgent, 1
                FROM {from} {Where(conditions)} ORDER BY {OrderBy(at, id, InboxOrder.Newest)} LIMIT $cap;
                """;
            command.Parameters.AddWithValue("$cap", InboxCounts.CountCap);
            capped = true;
        }

        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var n = reader.GetInt32(6);
                total += n;
                for (var facet = 0; facet < Facets.Length; facet++)
                {
                    var value = facet == 5 ? (reader.GetInt64(5) == 1 ? "yes" : "no") : reader.GetString(facet);
                    var byValue = counts[Facets[facet]];
                    byValue[value] = byValue.GetValueOrDefault(value) + n;
                }
            }
        }

        return new InboxCounts(
            counts.ToDictionary(pair => pair.Key, pair => (IReadOnlyDictionary<string, int>)pair.Value, StringComparer.Ordinal),
            total,
            capped && total >= InboxCounts.CountCap);
    }

    /// <inheritdoc />
    public async Task<TriageItem?> GetAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadItemAsync(connection, reference, cancellationToken);
    }

    /// <summary>Reads one item, with its themes, history and conversation, on an open connection.</summary>
    private static async Task<TriageItem?> ReadItemAsync(SqliteConnection connection, string reference, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, reference, kind, service_id, service_name, fft_rating, what_was_good, what_could_improve,
                   experience_month, collection_mode, submitted_at, status, contact_email IS NOT NULL, analysis_state, analysis,
                   sentiment, sentiment_by, themes_by, assigned_to, closure_reason, escalation, escalation_by,
                   escalation_reason, escalation_at, public_reply, public_reply_at, version,
                   acknowledged_by, acknowledged_at, first_action, urgent_answer_at, originals_removed_at,
                   marked_urgent_by, marked_urgent_at, marked_urgent_reason
            FROM feedback_items WHERE reference = $reference;
            """;
        command.Parameters.AddWithValue("$reference", reference);
        long id;
        TriageItem item;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            id = reader.GetInt64(0);
            var stored = new FeedbackItem(
                reader.GetString(1),
                WireName<FeedbackKind>.Parse(reader.GetString(2)),
                reader.GetString(3),
                reader.GetString(4),
                WireName<FftRating>.Parse(reader.GetString(5)),
                Text(reader, 6),
                Text(reader, 7),
                YearMonth.TryParse(Text(reader, 8), out var month) ? month : null,
                WireName<CollectionMode>.Parse(reader.GetString(9)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
                WireName<TriageStatus>.Parse(reader.GetString(11)),
                reader.GetBoolean(12),
                WireName<AnalysisState>.Parse(reader.GetString(13)),
                Text(reader, 14) is { } analysis ? JsonSerializer.Deserialize<FeedbackAnalysis>(analysis, Json) : null);
            item = new TriageItem(
                stored,
                WireName<Sentiment>.TryParse(Text(reader, 15), out var sentiment) ? sentiment : null,
                Text(reader, 16),
                [],
                Text(reader, 17),
                Text(reader, 18),
                Text(reader, 19),
                WireName<EscalationLevel>.TryParse(Text(reader, 20), out var level)
                    ? new Escalation(level, reader.GetString(21), reader.GetString(22), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(23)))
                    : null,
                Text(reader, 24) is { } reply ? (reply, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(25))) : null,
                reader.GetInt64(26),
                [],
                Acknowledged: Text(reader, 27) is { } by
                    ? new UrgentAcknowledgement(by, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(28)), reader.GetString(29))
                    : null,
                UrgentAnswerAt: reader.IsDBNull(30) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(30)),
                OriginalsRemovedAt: reader.IsDBNull(31) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(31)),
                MarkedUrgent: SqliteUrgentQueue.ReadMarking(reader, 32));
        }

        var themes = new List<ThemePrediction>();
        var feelings = new List<ThemeSentiment>();
        var history = new List<TriageEvent>();
        await using (var more = connection.CreateCommand())
        {
            more.CommandText = """
                SELECT theme, confidence, sentiment FROM feedback_themes WHERE item_id = $id ORDER BY confidence DESC, theme;
                SELECT at, actor, kind, detail FROM feedback_events WHERE item_id = $id ORDER BY id;
                """;
            more.Parameters.AddWithValue("$id", id);
            await using var reader = await more.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                themes.Add(new ThemePrediction(reader.GetString(0), reader.GetDouble(1)));
                if (WireName<Sentiment>.TryParse(Text(reader, 2), out var feeling))
                {
                    feelings.Add(new ThemeSentiment(reader.GetString(0), feeling));
                }
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                history.Add(new TriageEvent(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        return item with { Themes = themes, History = history, ThemeSentiments = feelings, Conversation = await SqliteFeedbackStore.ConversationAsync(connection, null, reference, cancellationToken) };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ChangeStatusAsync(IReadOnlyList<string> references, TriageStatus status, string? closureReason, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (status == TriageStatus.Closed && string.IsNullOrWhiteSpace(closureReason))
        {
            throw new ArgumentException("Closing an item needs a reason.", nameof(closureReason));
        }

        var moved = new List<string>();
        await InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var reference in references.Distinct(StringComparer.Ordinal))
            {
                var current = await ScalarAsync(connection, transaction, "SELECT status FROM feedback_items WHERE reference = $reference;", ("$reference", reference)) as string;
                if (current is null || !TriageWorkflow.CanMove(WireName<TriageStatus>.Parse(current), status))
                {
                    continue;
                }

                var id = await UpdateAsync(
                    connection,
                    transaction,
                    "status = $status, closure_reason = $reason",
                    reference,
                    ("$status", WireName<TriageStatus>.Of(status)),
                    ("$reason", status == TriageStatus.Closed ? closureReason : null));
                await RecordAsync(connection, transaction, id!.Value, TriageEvents.Moved(status, closureReason, actor, at));
                moved.Add(reference);
            }
        }, cancellationToken);
        return moved;
    }

    /// <inheritdoc />
    public async Task<int> AssignAsync(IReadOnlyList<string> references, string? assignee, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var changed = 0;
        await InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var reference in references.Distinct(StringComparer.Ordinal))
            {
                if (await UpdateAsync(connection, transaction, "assigned_to = $assignee", reference, ("$assignee", assignee)) is { } id)
                {
                    await RecordAsync(connection, transaction, id, TriageEvents.Assigned(assignee, actor, at));
                    changed++;
                }
            }
        }, cancellationToken);
        return changed;
    }

    /// <inheritdoc />
    public Task<bool> EscalateAsync(string reference, EscalationLevel level, string reason, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeOneAsync(
            reference,
            "escalation = $level, escalation_by = $actor, escalation_reason = $why, escalation_at = $at",
            TriageEvents.Escalated(level, reason, actor, at),
            cancellationToken,
            ("$level", WireName<EscalationLevel>.Of(level)),
            ("$actor", actor),
            ("$why", reason),
            ("$at", at.ToUnixTimeMilliseconds()));

    /// <inheritdoc />
    public async Task<bool> CorrectThemesAsync(string reference, IReadOnlyList<string> themes, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var done = false;
        await InTransactionAsync(async (connection, transaction) =>
        {
            if (await UpdateAsync(connection, transaction, "themes_by = $actor, needs_review = 0", reference, ("$actor", actor)) is not { } id)
            {
                return;
            }

            // A theme staff keep keeps the feeling read about it; one they add takes the item's.
            var feelings = await SqliteThemes.FeelingsAsync(connection, transaction, id, cancellationToken);
            await SqliteThemes.ReplaceAsync(
                connection, transaction, id, themes.Distinct(StringComparer.Ordinal).Select(theme => new ThemePrediction(theme, 1.0)), feelings, cancellationToken);
            await RecordAsync(connection, transaction, id, TriageEvents.ThemesCorrected(themes, actor, at));
            done = true;
        }, cancellationToken);
        return done;
    }

    /// <inheritdoc />
    public async Task<bool> CorrectSentimentAsync(string reference, Sentiment sentiment, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var done = false;
        await InTransactionAsync(async (connection, transaction) =>
        {
            var name = WireName<Sentiment>.Of(sentiment);
            if (await UpdateAsync(connection, transaction, "sentiment = $sentiment, sentiment_by = $actor, needs_review = 0", reference, ("$sentiment", name), ("$actor", actor)) is not { } id)
            {
                return;
            }

            // The person's reading replaces the model's, about each theme too.
            await SqliteThemes.ClearFeelingsAsync(connection, transaction, id, cancellationToken);
            await RecordAsync(connection, transaction, id, TriageEvents.SentimentCorrected(sentiment, actor, at));
            done = true;
        }, cancellationToken);
        return done;
    }

    /// <inheritdoc />
    public Task<bool> AddNoteAsync(string reference, string note, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeOneAsync(reference, "version = version", TriageEvents.Note(note, actor, at), cancellationToken);

    /// <inheritdoc />
    public async Task<bool> PublishReplyAsync(string reference, string reply, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var done = false;
        await InTransactionAsync(async (connection, transaction) =>
        {
            if (await ScalarAsync(connection, transaction, "SELECT status FROM feedback_items WHERE reference = $reference;", ("$reference", reference)) is not string current)
            {
                return;
            }

            var status = TriageWorkflow.AfterAReply(WireName<TriageStatus>.Parse(current));
            if (await UpdateAsync(
                    connection,
                    transaction,
                    "public_reply = $reply, public_reply_at = $at, status = $status",
                    reference,
                    ("$reply", reply),
                    ("$at", at.ToUnixTimeMilliseconds()),
                    ("$status", WireName<TriageStatus>.Of(status))) is { } id)
            {
                await SqliteFeedbackStore.AddMessageAsync(connection, transaction, id, new Tracking.FeedbackMessage(false, reply, reply, at), cancellationToken);
                await RecordAsync(connection, transaction, id, TriageEvents.Replied(reply, actor, at));
                done = true;
            }
        }, cancellationToken);
        return done;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<LabelledComment> HumanLabelsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT i.reference, i.submitted_at, i.service_name, i.fft_rating, i.redacted_what_was_good, i.redacted_what_could_improve,
                   i.sentiment, (SELECT group_concat(theme, char(31)) FROM feedback_themes WHERE item_id = i.id)
            FROM feedback_items i WHERE i.themes_by IS NOT NULL OR i.sentiment_by IS NOT NULL ORDER BY i.id;
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var themes = Text(reader, 7)?.Split('\u001f') ?? [];
            var sentiment = WireName<Sentiment>.TryParse(Text(reader, 6), out var s) ? s : (Sentiment?)null;
            foreach (var (question, column) in new[] { ("What was good?", 4), ("What could we do better?", 5) })
            {
                if (Text(reader, column) is { Length: > 0 } text)
                {
                    yield return new LabelledComment(
                        reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2),
                        WireName<FftRating>.Parse(reader.GetString(3)), question, text, sentiment, themes);
                }
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<UrgentQueueRow> UrgentItemsAsync(InboxFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var (from, conditions, (at, id)) = InboxSql.Build(filter with { Urgent = true }, command);
        command.CommandText = $"SELECT {SqliteUrgentQueue.QueueRowColumns} FROM {from} {Where(conditions)} ORDER BY {OrderBy(at, id, InboxOrder.Oldest)};";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return SqliteUrgentQueue.ReadQueueRow(reader);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TriageItem> UrgencyJudgedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One connection for the whole download: the references first, then each item read on it.
        await using var connection = await database.OpenAsync(cancellationToken);
        var references = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT reference FROM feedback_items WHERE marked_urgent_at IS NOT NULL OR acknowledged_at IS NOT NULL ORDER BY id;";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                references.Add(reader.GetString(0));
            }
        }

        foreach (var reference in references)
        {
            if (await ReadItemAsync(connection, reference, cancellationToken) is { } item)
            {
                yield return item;
            }
        }
    }

    /// <summary>Reads an inbox row selected with <see cref="RowColumns"/>.</summary>
    internal static InboxRow ReadRow(SqliteDataReader reader)
    {
        var analysed = reader.GetString(11) == "done";
        var summary = Text(reader, 10);
        return new InboxRow(
            reader.GetString(1),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
            reader.GetString(3),
            WireName<FeedbackKind>.Parse(reader.GetString(4)),
            WireName<FftRating>.Parse(reader.GetString(5)),
            WireName<TriageStatus>.Parse(reader.GetString(6)),
            WireName<Sentiment>.TryParse(Text(reader, 7), out var sentiment) ? sentiment : null,
            reader.GetInt64(8) == 1,
            Text(reader, 9),
            Text(reader, 12)?.Split('\u001f') ?? [],
            analysed ? summary ?? "No comment, rating only" : "Not analysed yet: open it to read");
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string OrderBy(string? at, string id, InboxOrder order)
    {
        var direction = order == InboxOrder.Newest ? "DESC" : "ASC";
        return at is null ? $"{id} {direction}" : $"{at} {direction}, {id} {direction}";
    }

    private static string Where(List<string> conditions) => conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);

    private async Task<bool> ChangeOneAsync(
        string reference, string set, TriageEvent happened, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var done = false;
        await InTransactionAsync(async (connection, transaction) =>
        {
            if (await UpdateAsync(connection, transaction, set, reference, parameters) is { } id)
            {
                await RecordAsync(connection, transaction, id, happened);
                done = true;
            }
        }, cancellationToken);
        return done;
    }

    private async Task InTransactionAsync(Func<SqliteConnection, SqliteTransaction, Task> work, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<long?> UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, string set, string reference, params (string Name, object? Value)[] parameters)
    {
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = $"UPDATE feedback_items SET {set}, version = version + 1 WHERE reference = $reference RETURNING id;";
        update.Parameters.AddWithValue("$reference", reference);
        foreach (var (name, value) in parameters)
        {
            update.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await update.ExecuteScalarAsync() is long id ? id : null;
    }

    /// <summary>Adds an entry to an item's history, in the caller's transaction.</summary>
    internal static async Task RecordAsync(SqliteConnection connection, SqliteTransaction transaction, long itemId, TriageEvent happened)
    {
        var (at, actor, kind, detail) = happened;
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO feedback_events (item_id, at, actor, kind, detail) VALUES ($id, $at, $actor, $kind, $detail);";
        insert.Parameters.AddWithValue("$id", itemId);
        insert.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$actor", actor);
        insert.Parameters.AddWithValue("$kind", kind);
        insert.Parameters.AddWithValue("$detail", detail);
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }
}
