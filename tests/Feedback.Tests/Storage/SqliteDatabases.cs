using Microsoft.Data.Sqlite;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Storage;

/// <summary>New, migrated SQLite feedback databases in a folder of their own, for the contract suites; gone when disposed.</summary>
internal sealed class SqliteDatabases : IAsyncDisposable
{
    private readonly TemporaryDirectory _folder = new();
    private readonly List<SqliteFeedbackStore> _stores = [];

    /// <summary>A new database and its feedback store.</summary>
    public async Task<(SqliteDatabase Database, SqliteFeedbackStore Store)> CreateAsync()
    {
        var database = new SqliteDatabase(_folder.File($"feedback-{_stores.Count}.db"), SqliteFeedbackStore.Migrations);
        await database.MigrateAsync();
        var store = new SqliteFeedbackStore(database);
        _stores.Add(store);
        return (database, store);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
