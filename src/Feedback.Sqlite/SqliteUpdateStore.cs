using System.Text.Json;
using Microsoft.Data.Sqlite;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>"You said, we did" updates on the SQLite feedback database, beside the feedback they are linked to.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Security",
    "CA2100:Review SQL queries for security vulnerabilities",
    Justification = "Every statement is a fixed string in this class; every value is a parameter.")]
public sealed class SqliteUpdateStore(SqliteDatabase database) : IUpdateStore, IPublishedUpdates
{
    private const string SummaryColumns = """
        u.slug, json_extract(v.content, '$.title'), u.state, u.live_version IS NOT NULL, v.edited_by, v.edited_at, u.publish_at,
        (SELECT count(*) FROM update_feedback l WHERE l.update_id = u.id)
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public async Task<string> CreateAsync(string slug, Func<string, bool> isTaken, UpdateContent content, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? slug : $"{slug}-{n}";
            if (isTaken(candidate))
            {
                continue;
            }

            var start = PublishingWorkflow.Start(actor);
            await using var insert = Command(connection, transaction, """
                INSERT INTO updates (slug, state, version, created_by, created_at) VALUES ($slug, $state, $version, $actor, $at)
                ON CONFLICT (slug) DO NOTHING RETURNING id;
                """);
            insert.Parameters.AddWithValue("$slug", candidate);
            insert.Parameters.AddWithValue("$state", WireName<PublishingState>.Of(start.After.State));
            insert.Parameters.AddWithValue("$version", start.After.Version);
            insert.Parameters.AddWithValue("$actor", actor);
            insert.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            if (await insert.ExecuteScalarAsync(cancellationToken) is not long id)
            {
                continue;
            }

            await KeepAsync(connection, transaction, id, start, content, at, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return candidate;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UpdateSummary>> ListAsync(CancellationToken cancellationToken) =>
        await SummariesAsync(
            $"SELECT {SummaryColumns} FROM updates u JOIN update_versions v ON v.update_id = u.id AND v.version = u.version ORDER BY v.edited_at DESC, u.id DESC;",
            _ => { },
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<UpdateSummary>> ForFeedbackAsync(string reference, CancellationToken cancellationToken) =>
        await SummariesAsync(
            $"""
            SELECT {SummaryColumns} FROM feedback_items i
            JOIN update_feedback f ON f.item_id = i.id
            JOIN updates u ON u.id = f.update_id
            JOIN update_versions v ON v.update_id = u.id AND v.version = u.version
            WHERE i.reference = $reference ORDER BY f.linked_at;
            """,
            parameters => parameters.AddWithValue("$reference", reference),
            cancellationToken);

    /// <inheritdoc />
    public async Task<YouSaidWeDidUpdate?> GetAsync(string slug, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT u.slug, u.state, u.version, u.live_version, v.content, u.created_by, v.edited_by, v.edited_at,
                   u.submitted_by, u.approved_by, u.publish_at, u.first_published, u.unpublish_reason
            FROM updates u JOIN update_versions v ON v.update_id = u.id AND v.version = u.version
            WHERE u.slug = $slug;
            SELECT i.reference FROM updates u
            JOIN update_feedback f ON f.update_id = u.id JOIN feedback_items i ON i.id = f.item_id
            WHERE u.slug = $slug ORDER BY f.linked_at, i.id;
            SELECT coalesce(sum(n.state = 'sent'), 0), coalesce(sum(n.state = 'pending'), 0), coalesce(sum(n.state = 'failed'), 0)
            FROM updates u JOIN update_notifications n ON n.update_id = u.id WHERE u.slug = $slug;
            """);
        command.Parameters.AddWithValue("$slug", slug);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var update = new YouSaidWeDidUpdate(
            reader.GetString(0),
            WireName<PublishingState>.Parse(reader.GetString(1)),
            reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetInt32(3),
            ReadContent(reader.GetString(4)),
            reader.GetString(5),
            reader.GetString(6),
            Time(reader.GetInt64(7)),
            reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetString(9),
            reader.IsDBNull(10) ? null : Time(reader.GetInt64(10)),
            reader.IsDBNull(11) ? null : Time(reader.GetInt64(11)),
            reader.IsDBNull(12) ? null : reader.GetString(12),
            [],
            new UpdateEmails(0, 0, 0));

        var references = new List<string>();
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            references.Add(reader.GetString(0));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return update with { LinkedFeedback = references, Emails = new UpdateEmails(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)) };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UpdateVersion>> VersionsAsync(string slug, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT v.version, v.edited_by, v.edited_at, v.content FROM update_versions v JOIN updates u ON u.id = v.update_id
            WHERE u.slug = $slug ORDER BY v.version DESC;
            """);
        command.Parameters.AddWithValue("$slug", slug);
        var versions = new List<UpdateVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new UpdateVersion(reader.GetInt32(0), reader.GetString(1), Time(reader.GetInt64(2)), ReadContent(reader.GetString(3))));
        }

        return versions;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UpdateEvent>> EventsAsync(string slug, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT e.at, e.actor, e.what FROM update_events e JOIN updates u ON u.id = e.update_id
            WHERE u.slug = $slug ORDER BY e.at DESC, e.rowid DESC;
            """);
        command.Parameters.AddWithValue("$slug", slug);
        var events = new List<UpdateEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new UpdateEvent(Time(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2)));
        }

        return events;
    }

    /// <inheritdoc />
    public Task<UpdateChangeOutcome> EditAsync(string slug, int version, UpdateContent content, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(slug, row => PublishingWorkflow.Edit(row.Record, version, actor), content, at, cancellationToken);

    /// <inheritdoc />
    public Task<UpdateChangeOutcome> SubmitForReviewAsync(string slug, int version, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(slug, row => PublishingWorkflow.SubmitForReview(row.Record, version, actor), null, at, cancellationToken);

    /// <inheritdoc />
    public Task<UpdateChangeOutcome> SendBackAsync(string slug, int version, string reason, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(slug, row => PublishingWorkflow.SendBack(row.Record, version, reason, actor), null, at, cancellationToken);

    /// <inheritdoc />
    public Task<UpdateChangeOutcome> ApproveAsync(string slug, int version, DateTimeOffset publishAt, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(
            slug,
            row => PublishingWorkflow.Approve(row.Record, version, publishAt, PublishingWorkflow.AuthorsSinceApproval(row.Record, row.Versions), actor, at),
            null,
            at,
            cancellationToken);

    /// <inheritdoc />
    public Task<UpdateChangeOutcome> UnpublishAsync(string slug, string reason, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(slug, row => PublishingWorkflow.Unpublish(row.Record, reason, actor), null, at, cancellationToken);

    /// <inheritdoc />
    public async Task<int> PublishDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var scheduled = new List<string>();
        await using (var command = Command(connection, transaction, "SELECT slug FROM updates WHERE state = 'scheduled' AND publish_at <= $now;"))
        {
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                scheduled.Add(reader.GetString(0));
            }
        }

        var published = 0;
        foreach (var slug in scheduled)
        {
            if (await FindAsync(connection, transaction, slug, cancellationToken) is { } row && PublishingWorkflow.PublishIfDue(row.Record, now) is { } step)
            {
                await KeepAsync(connection, transaction, row.Id, step, null, now, cancellationToken);
                published++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return published;
    }

    /// <inheritdoc />
    public async Task<int?> LinkFeedbackAsync(string slug, IReadOnlyList<string> references, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (await FindAsync(connection, transaction, slug, cancellationToken) is not { } row)
        {
            return null;
        }

        var linked = 0;
        foreach (var reference in references.Distinct(StringComparer.Ordinal))
        {
            await using var insert = Command(connection, transaction, """
                INSERT OR IGNORE INTO update_feedback (update_id, item_id, linked_by, linked_at)
                SELECT $id, id, $actor, $at FROM feedback_items WHERE reference = $reference;
                """);
            insert.Parameters.AddWithValue("$id", row.Id);
            insert.Parameters.AddWithValue("$actor", actor);
            insert.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$reference", reference);
            linked += await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (linked > 0)
        {
            await AddEventAsync(connection, transaction, row.Id, actor, at, $"Linked {linked} feedback {(linked == 1 ? "item" : "items")}", cancellationToken);
            if (row.Record.LiveVersion is not null)
            {
                await QueueNotificationsAsync(connection, transaction, row.Id, at, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return linked;
    }

    /// <inheritdoc />
    public async Task<bool> UnlinkFeedbackAsync(string slug, string reference, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (await FindAsync(connection, transaction, slug, cancellationToken) is not { } row)
        {
            return false;
        }

        await using var delete = Command(connection, transaction, """
            DELETE FROM update_feedback WHERE update_id = $id AND item_id = (SELECT id FROM feedback_items WHERE reference = $reference);
            """);
        delete.Parameters.AddWithValue("$id", row.Id);
        delete.Parameters.AddWithValue("$reference", reference);
        if (await delete.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        await AddEventAsync(connection, transaction, row.Id, actor, at, $"Removed {reference}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<long> VersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT version FROM change_counters WHERE name = 'published-updates';");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PublishedUpdate>> LiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var updates = new List<(long Id, PublishedUpdate Update)>();
        await using (var command = Command(connection, null, """
            SELECT u.id, u.slug, v.content, u.first_published, u.live_since, (SELECT count(*) FROM update_feedback l WHERE l.update_id = u.id)
            FROM updates u JOIN update_versions v ON v.update_id = u.id AND v.version = u.live_version
            WHERE u.live_version IS NOT NULL ORDER BY u.first_published DESC, u.id DESC;
            """))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                updates.Add((reader.GetInt64(0), new PublishedUpdate(
                    reader.GetString(1), ReadContent(reader.GetString(2)), Time(reader.GetInt64(3)), Time(reader.GetInt64(4)), reader.GetInt32(5), [])));
            }
        }

        // What the linked feedback was about: each person counted once per theme.
        var toldUs = new Dictionary<long, List<(string, int)>>();
        await using (var command = Command(connection, null, """
            SELECT l.update_id, t.theme, count(*) FROM updates u
            JOIN update_feedback l ON l.update_id = u.id
            JOIN feedback_themes t ON t.item_id = l.item_id
            WHERE u.live_version IS NOT NULL
            GROUP BY l.update_id, t.theme ORDER BY l.update_id, count(*) DESC, t.theme;
            """))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                if (!toldUs.TryGetValue(id, out var list))
                {
                    toldUs[id] = list = [];
                }

                list.Add((reader.GetString(1), reader.GetInt32(2)));
            }
        }

        return updates.Select(pair => pair.Update with { ToldUs = toldUs.GetValueOrDefault(pair.Id) ?? [] }).ToArray();
    }

    private async Task<IReadOnlyList<UpdateSummary>> SummariesAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, sql);
        bind(command.Parameters);
        var summaries = new List<UpdateSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries.Add(new UpdateSummary(
                reader.GetString(0),
                reader.GetString(1),
                WireName<PublishingState>.Parse(reader.GetString(2)),
                reader.GetBoolean(3),
                reader.GetString(4),
                Time(reader.GetInt64(5)),
                reader.IsDBNull(6) ? null : Time(reader.GetInt64(6)),
                reader.GetInt32(7)));
        }

        return summaries;
    }

    /// <summary>Decides one change from the update as stored, in a write transaction, and keeps what was decided.</summary>
    private async Task<UpdateChangeOutcome> ChangeAsync(
        string slug,
        Func<UpdateRow, (UpdateChangeOutcome Outcome, PublishingStep? Step)> decide,
        UpdateContent? content,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (await FindAsync(connection, transaction, slug, cancellationToken) is not { } row)
        {
            return UpdateChangeOutcome.NotFound;
        }

        var (outcome, step) = decide(row);
        if (step is not null)
        {
            await KeepAsync(connection, transaction, row.Id, step, content, at, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    private static async Task<UpdateRow?> FindAsync(SqliteConnection connection, SqliteTransaction transaction, string slug, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            SELECT u.id, u.state, u.version, u.live_version, u.submitted_by, u.approved_by, u.approved_version, u.publish_at, u.live_since,
                   u.first_published, u.unpublish_reason
            FROM updates u WHERE u.slug = $slug;
            SELECT v.version, v.edited_by FROM updates u JOIN update_versions v ON v.update_id = u.id WHERE u.slug = $slug;
            """);
        command.Parameters.AddWithValue("$slug", slug);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
        int? Number(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
        DateTimeOffset? When(int ordinal) => reader.IsDBNull(ordinal) ? null : Time(reader.GetInt64(ordinal));
        var id = reader.GetInt64(0);
        var record = new UpdateRecord(
            WireName<PublishingState>.Parse(reader.GetString(1)), reader.GetInt32(2), Number(3), Text(4), Text(5), Number(6), When(7), When(8), When(9), Text(10));
        var versions = new List<(int, string)>();
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return new UpdateRow(id, record, versions);
    }

    /// <summary>Keeps what the workflow decided, in the caller's transaction: the update, a new version, its history, and the e-mails owed.</summary>
    private static async Task KeepAsync(
        SqliteConnection connection, SqliteTransaction transaction, long id, PublishingStep step, UpdateContent? content, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var after = step.After;
        await using (var update = Command(connection, transaction, """
            UPDATE updates SET state = $state, version = $version, live_version = $live, submitted_by = $submittedBy, approved_by = $approvedBy,
                   approved_version = $approvedVersion, publish_at = $publishAt, live_since = $liveSince, first_published = $firstPublished,
                   unpublish_reason = $unpublishReason
            WHERE id = $id;
            """))
        {
            update.Parameters.AddWithValue("$state", WireName<PublishingState>.Of(after.State));
            update.Parameters.AddWithValue("$version", after.Version);
            update.Parameters.AddWithValue("$live", (object?)after.LiveVersion ?? DBNull.Value);
            update.Parameters.AddWithValue("$submittedBy", (object?)after.SubmittedBy ?? DBNull.Value);
            update.Parameters.AddWithValue("$approvedBy", (object?)after.ApprovedBy ?? DBNull.Value);
            update.Parameters.AddWithValue("$approvedVersion", (object?)after.ApprovedVersion ?? DBNull.Value);
            update.Parameters.AddWithValue("$publishAt", (object?)after.PublishAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            update.Parameters.AddWithValue("$liveSince", (object?)after.LiveSince?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            update.Parameters.AddWithValue("$firstPublished", (object?)after.FirstPublished?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            update.Parameters.AddWithValue("$unpublishReason", (object?)after.UnpublishReason ?? DBNull.Value);
            update.Parameters.AddWithValue("$id", id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (step.SavesAVersion)
        {
            await AddVersionAsync(connection, transaction, id, after.Version, content ?? throw new ArgumentNullException(nameof(content)), step.Actor, at, cancellationToken);
        }

        await AddEventAsync(connection, transaction, id, step.Actor, at, step.Event, cancellationToken);
        if (step.WentLive)
        {
            await QueueNotificationsAsync(connection, transaction, id, at, cancellationToken);
        }
    }

    /// <summary>Owes an e-mail to everyone linked to a live update who consented to contact and has not been told of it.</summary>
    private static Task QueueNotificationsAsync(SqliteConnection connection, SqliteTransaction transaction, long id, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, """
            INSERT OR IGNORE INTO update_notifications (update_id, item_id, created_at)
            SELECT l.update_id, l.item_id, $at FROM update_feedback l JOIN feedback_items i ON i.id = l.item_id
            WHERE l.update_id = $id AND i.contact_email IS NOT NULL;
            """,
            cancellationToken,
            ("$at", at.ToUnixTimeMilliseconds()),
            ("$id", id));

    private static Task AddVersionAsync(SqliteConnection connection, SqliteTransaction transaction, long id, int version, UpdateContent content, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, """
            INSERT INTO update_versions (update_id, version, edited_by, edited_at, content) VALUES ($id, $version, $actor, $at, $content);
            """,
            cancellationToken,
            ("$id", id),
            ("$version", version),
            ("$actor", actor),
            ("$at", at.ToUnixTimeMilliseconds()),
            ("$content", JsonSerializer.Serialize(content, Json)));

    private static Task AddEventAsync(SqliteConnection connection, SqliteTransaction transaction, long id, string actor, DateTimeOffset at, string what, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "INSERT INTO update_events (update_id, at, actor, what) VALUES ($id, $at, $actor, $what);", cancellationToken, ("$id", id), ("$at", at.ToUnixTimeMilliseconds()), ("$actor", actor), ("$what", what));

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static UpdateContent ReadContent(string json) =>
        JsonSerializer.Deserialize<UpdateContent>(json, Json) ?? throw new InvalidDataException("An update version's content is empty.");

    private static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    private sealed record UpdateRow(long Id, UpdateRecord Record, IReadOnlyList<(int Version, string EditedBy)> Versions);
}
