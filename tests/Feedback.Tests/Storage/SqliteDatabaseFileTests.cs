using Microsoft.Data.Sqlite;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Storage;

/// <summary>The database file: only its owner can read it, and writes to a file that has gone are never acknowledged.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SqliteDatabaseFileTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_database_and_its_folder_are_readable_by_their_owner_only()
    {
        var folder = Path.Combine(_folder.Path, "data");
        var database = new SqliteDatabase(Path.Combine(folder, "feedback.db"), SqliteFeedbackStore.Migrations);

        await database.MigrateAsync();
        await using (var connection = await database.OpenAsync())
        {
            await using var write = connection.CreateCommand();
            write.CommandText = "CREATE TABLE t (x); INSERT INTO t VALUES (1);";
            await write.ExecuteNonQueryAsync();

            Assert.Equal(PrivateFiles.Directory, File.GetUnixFileMode(folder));
            foreach (var file in new[] { database.Path, database.Path + "-wal", database.Path + "-shm" })
            {
                Assert.Equal(PrivateFiles.File, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public async Task A_database_made_before_the_rule_is_tightened_when_it_is_opened()
    {
        var database = new SqliteDatabase(_folder.File("feedback.db"), SqliteFeedbackStore.Migrations);
        await database.MigrateAsync();
        File.SetUnixFileMode(database.Path, PrivateFiles.File | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await database.MigrateAsync();

        Assert.Equal(PrivateFiles.File, File.GetUnixFileMode(database.Path));
    }

    [Fact]
    public async Task A_connection_never_creates_an_empty_database_where_the_file_has_gone()
    {
        var database = new SqliteDatabase(_folder.File("gone.db"), SqliteFeedbackStore.Migrations);

        await Assert.ThrowsAsync<SqliteException>(() => database.OpenAsync());
        Assert.False(File.Exists(database.Path));
    }

    [Fact]
    public async Task Intake_stops_acknowledging_once_the_database_file_is_removed_and_readiness_says_why()
    {
        var database = new SqliteDatabase(_folder.File("feedback.db"), SqliteFeedbackStore.Migrations);
        await database.MigrateAsync();
        await using var store = new SqliteFeedbackStore(database);
        Assert.Equal(AddOutcome.Stored, (await store.AddAsync(FeedbackRecords.Record(), CancellationToken.None)).Outcome);

        foreach (var file in Directory.GetFiles(_folder.Path))
        {
            File.Delete(file);
        }

        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.AddAsync(FeedbackRecords.Record(), CancellationToken.None));
        var readiness = await new SqliteReadinessCheck(database).CheckHealthAsync(new());
        Assert.Contains("feedback.db was removed", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, readiness.Status);
        Assert.StartsWith("feedback.db was removed", readiness.Description, StringComparison.Ordinal);
        Assert.False(File.Exists(database.Path));
    }

    [Fact]
    public async Task A_database_file_replaced_by_another_is_noticed()
    {
        var database = new SqliteDatabase(_folder.File("feedback.db"), SqliteFeedbackStore.Migrations);
        await database.MigrateAsync();
        var copy = _folder.File("copy.db");
        File.Copy(database.Path, copy);

        File.Move(copy, database.Path, overwrite: true);

        Assert.Equal("feedback.db was replaced by another file", database.FileProblem());
        Assert.False(await database.IsReadyAsync());
    }
}
