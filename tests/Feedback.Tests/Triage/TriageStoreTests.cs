using Microsoft.Data.Sqlite;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Triage;

/// <summary>The triage contract on the embedded SQLite store.</summary>
public sealed class SqliteTriageStoreTests : TriageStoreContract, IAsyncLifetime
{
    private readonly TemporaryDirectory _folder = new();
    private readonly List<SqliteFeedbackStore> _stores = [];

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

    protected override async Task<Stores> CreateStoresAsync()
    {
        var database = new SqliteDatabase(_folder.File($"feedback-{_stores.Count}.db"), SqliteFeedbackStore.Migrations);
        await database.MigrateAsync();
        var store = new SqliteFeedbackStore(database);
        _stores.Add(store);
        return new Stores(store, new SqliteTriageStore(database), new SqliteFeedbackConversation(database), new SqliteUrgentQueue(database));
    }
}

/// <summary>The triage contract on Cosmos DB: the protocol peer on loopback, or COSMOS_ENDPOINT.</summary>
[Collection(CosmosCollection.Name)]
public sealed class CosmosTriageStoreTests(CosmosAccountFixture account) : TriageStoreContract
{
    protected override async Task<Stores> CreateStoresAsync()
    {
        var containers = await account.Server.CreateDatabaseAsync();
        var triage = new CosmosTriageStore(containers);
        return new Stores(new CosmosFeedbackStore(containers), triage, triage, triage);
    }
}
