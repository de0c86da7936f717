using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;

namespace QualityVoice.Feedback.Tests.Triage;

/// <summary>The triage contract on the embedded SQLite store.</summary>
public sealed class SqliteTriageStoreTests : TriageStoreContract, IAsyncLifetime
{
    private readonly SqliteDatabases _databases = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();

    protected override async Task<Stores> CreateStoresAsync()
    {
        var (database, store) = await _databases.CreateAsync();
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
