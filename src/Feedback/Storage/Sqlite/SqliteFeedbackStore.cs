using Microsoft.Data.Sqlite;
using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>The embedded default feedback store: one SQLite file in WAL mode, written with group commit.</summary>
public sealed class SqliteFeedbackStore : IFeedbackStore, IAsyncDisposable
{
    private const string ItemColumns = """
        id, reference, kind, service_id, service_name, fft_rating, what_was_good, what_could_improve,
        experience_month, collection_mode, submitted_at, status, contact_email IS NOT NULL
        """;

    private readonly SqliteDatabase _database;
    private readonly SqliteIntakeWriter _writer;
    private readonly SqliteTrackingAttemptLedger _attempts;

    /// <summary>Opens the store on a database whose schema is already migrated.</summary>
    public SqliteFeedbackStore(SqliteDatabase database)
    {
        _database = database;
        _writer = new SqliteIntakeWriter(database);
        _attempts = new SqliteTrackingAttemptLedger(database);
    }

    /// <summary>The schema scripts of the feedback database.</summary>
    public static SqliteMigrations Migrations { get; } = SqliteMigrations.FromEmbeddedResources(
        typeof(SqliteFeedbackStore).Assembly, "QualityVoice.Feedback.Storage.Sqlite.Migrations.feedback.");

    /// <inheritdoc />
    public Task<AddResult> AddAsync(FeedbackRecord record, CancellationToken cancellationToken) =>
        _writer.AddAsync(record, cancellationToken);

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
        command.CommandText = "SELECT reference, submitted_at, service_name, status, passphrase_hash FROM feedback_items WHERE reference = $reference;";
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
            WireName<TriageStatus>.Parse(reader.GetString(3)));
        return (item, (byte[])reader.GetValue(4));
    }

    /// <inheritdoc />
    public Task<DateTimeOffset?> LockedUntilAsync(string reference, DateTimeOffset now, CancellationToken cancellationToken) =>
        _attempts.LockedUntilAsync(reference, now, cancellationToken);

    /// <inheritdoc />
    public Task<DateTimeOffset?> RecordFailureAsync(string reference, DateTimeOffset now, int maxFailures, TimeSpan lockFor, CancellationToken cancellationToken) =>
        _attempts.RecordFailureAsync(reference, now, maxFailures, lockFor, cancellationToken);

    /// <inheritdoc />
    public Task ClearFailuresAsync(string reference, CancellationToken cancellationToken) =>
        _attempts.ClearFailuresAsync(reference, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<FeedbackItem>> ListNewestAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ItemColumns} FROM feedback_items ORDER BY id DESC LIMIT $count;";
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

    private static FeedbackItem ReadItem(SqliteDataReader reader) => new(
        Id: reader.GetInt64(0),
        Reference: reader.GetString(1),
        Kind: WireName<FeedbackKind>.Parse(reader.GetString(2)),
        ServiceId: reader.GetString(3),
        ServiceName: reader.GetString(4),
        FftRating: WireName<FftRating>.Parse(reader.GetString(5)),
        WhatWasGood: reader.IsDBNull(6) ? null : reader.GetString(6),
        WhatCouldImprove: reader.IsDBNull(7) ? null : reader.GetString(7),
        ExperienceMonth: YearMonth.TryParse(reader.IsDBNull(8) ? null : reader.GetString(8), out var month) ? month : null,
        CollectionMode: WireName<CollectionMode>.Parse(reader.GetString(9)),
        SubmittedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
        Status: WireName<TriageStatus>.Parse(reader.GetString(11)),
        ConsentedToContact: reader.GetBoolean(12));
}
