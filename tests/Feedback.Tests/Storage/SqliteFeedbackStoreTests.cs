using Microsoft.Data.Sqlite;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Storage;

public sealed class SqliteFeedbackStoreTests : FeedbackStoreContract, IAsyncLifetime
{
    private readonly TemporaryDirectory _folder = new();
    private readonly List<SqliteFeedbackStore> _stores = [];

    protected override async Task<IFeedbackStore> CreateStoreAsync() => await OpenAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_batch_writer_disposed_before_its_commit_keeps_the_transactions_it_filled_and_rolls_back_the_rest()
    {
        var store = await OpenAsync();
        var rows = Enumerable.Range(1, 3).Select(row => FeedbackRecords.Record(idempotencyKey: $"import:supplier\nrow-{row}")).ToArray();

        await using (var writer = await store.OpenBatchWriterAsync(rowsPerTransaction: 2, CancellationToken.None))
        {
            await writer.AddAsync(rows[..2], CancellationToken.None);
            await writer.AddAsync(rows[2..], CancellationToken.None);
        }

        Assert.NotNull(await store.FindAsync(rows[0].Reference, CancellationToken.None));
        Assert.NotNull(await store.FindAsync(rows[1].Reference, CancellationToken.None));
        Assert.Null(await store.FindAsync(rows[2].Reference, CancellationToken.None));

        // The connection goes back to the pool with SQLite's usual page cache, not the writer's 256 MB.
        await using var connection = await Database().OpenAsync();
        await using var cache = connection.CreateCommand();
        cache.CommandText = "PRAGMA cache_size;";
        Assert.Equal(-2000L, await cache.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_acknowledged_submission_is_in_the_file_when_it_is_opened_again()
    {
        var store = await OpenAsync();
        var record = FeedbackRecords.Record();
        await store.AddAsync(record, CancellationToken.None);

        var reopened = await OpenAsync();

        Assert.NotNull(await reopened.FindAsync(record.Reference, CancellationToken.None));
    }

    [Fact]
    public async Task The_database_is_in_wal_mode_with_full_synchronous_writes()
    {
        await OpenAsync();
        await using var connection = await Database().OpenAsync();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal(2L, await ScalarAsync(connection, "PRAGMA synchronous;"));
    }

    [Fact]
    public async Task Migrating_twice_or_from_two_processes_at_once_applies_each_script_once()
    {
        await Task.WhenAll(Database().MigrateAsync(), Database().MigrateAsync(), Database().MigrateAsync());
        await Database().MigrateAsync();

        await using var connection = await Database().OpenAsync();
        Assert.Equal((long)SqliteFeedbackStore.Migrations.LatestVersion, await ScalarAsync(connection, "SELECT COUNT(*) FROM schema_migrations;"));
        Assert.True(await Database().IsReadyAsync());
    }

    [Fact]
    public async Task Equality_monitoring_is_stored_with_no_link_to_the_feedback()
    {
        var store = await OpenAsync();
        var answers = new EqualityMonitoring("25-34", "prefer-not-to-say", null, "white-british", "no", null, null);
        await store.AddAsync(FeedbackRecords.Record(feedback: FeedbackRecords.Feedback() with { EqualityMonitoring = answers }), CancellationToken.None);

        await using var connection = await Database().OpenAsync();
        var columns = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM pragma_table_info('equality_monitoring');";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        Assert.DoesNotContain(columns, column => column.Contains("feedback", StringComparison.Ordinal) || column.Contains("reference", StringComparison.Ordinal));
        Assert.Equal("2026-11", await ScalarAsync(connection, "SELECT month FROM equality_monitoring;"));
        Assert.Equal("25-34", await ScalarAsync(connection, "SELECT age_band FROM equality_monitoring;"));
        Assert.NotEqual(1L, await ScalarAsync(connection, "SELECT id FROM equality_monitoring;"));
    }

    [Fact]
    public async Task A_thousand_concurrent_submissions_are_all_stored_once()
    {
        var store = await OpenAsync();
        var records = Enumerable.Range(0, 1000).Select(i => FeedbackRecords.Record(idempotencyKey: $"bulk-{i}")).ToArray();

        var results = await Task.WhenAll(records.Select(record => Task.Run(() => store.AddAsync(record, CancellationToken.None))));

        Assert.All(results, result => Assert.Equal(AddOutcome.Stored, result.Outcome));
        await using var connection = await Database().OpenAsync();
        Assert.Equal(1000L, await ScalarAsync(connection, "SELECT COUNT(*) FROM feedback_items;"));
    }

    private SqliteDatabase Database() => new(_folder.File("feedback.db"), SqliteFeedbackStore.Migrations);

    private async Task<SqliteFeedbackStore> OpenAsync()
    {
        var database = Database();
        await database.MigrateAsync();
        var store = new SqliteFeedbackStore(database);
        _stores.Add(store);
        return store;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
