using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;
using QualityVoice.Feedback.Tracking;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Tracking;

/// <summary>The ledger of failed attempts to open a reference, on each store.</summary>
public abstract class TrackingAttemptLedgerContract
{
    /// <summary>A ledger in a new, empty database.</summary>
    protected abstract Task<ITrackingAttemptLedger> CreateLedgerAsync();

    [Fact]
    public async Task Five_wrong_passphrases_lock_a_reference_for_the_lock_period_then_the_count_starts_again()
    {
        var ledger = await CreateLedgerAsync();
        const string reference = "QV-3333-3333";

        DateTimeOffset? locked = null;
        for (var i = 0; i < 5; i++)
        {
            locked = await ledger.RecordFailureAsync(reference, Now, 5, TimeSpan.FromMinutes(15), CancellationToken.None);
        }

        Assert.Equal(Now.AddMinutes(15), locked);
        Assert.Equal(Now.AddMinutes(15), await ledger.LockedUntilAsync(reference, Now.AddMinutes(1), CancellationToken.None));
        Assert.Null(await ledger.LockedUntilAsync(reference, Now.AddMinutes(16), CancellationToken.None));
        Assert.Null(await ledger.RecordFailureAsync(reference, Now.AddMinutes(16), 5, TimeSpan.FromMinutes(15), CancellationToken.None));
        Assert.Null(await ledger.LockedUntilAsync("QV-3333-3334", Now, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_wrong_passphrases_all_count()
    {
        var ledger = await CreateLedgerAsync();
        const string reference = "QV-4444-4444";

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => ledger.RecordFailureAsync(reference, Now, 5, TimeSpan.FromMinutes(15), CancellationToken.None)));

        Assert.NotNull(await ledger.LockedUntilAsync(reference, Now, CancellationToken.None));
    }

    [Fact]
    public async Task A_right_passphrase_clears_the_failures()
    {
        var ledger = await CreateLedgerAsync();
        const string reference = "QV-5555-5555";
        for (var i = 0; i < 4; i++)
        {
            await ledger.RecordFailureAsync(reference, Now, 5, TimeSpan.FromMinutes(15), CancellationToken.None);
        }

        await ledger.ClearFailuresAsync(reference, CancellationToken.None);

        Assert.Null(await ledger.RecordFailureAsync(reference, Now, 5, TimeSpan.FromMinutes(15), CancellationToken.None));
    }

    private static DateTimeOffset Now { get; } = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
}

/// <summary>The ledger in a SQLite database (the feedback and speak-up databases each hold one).</summary>
public sealed class SqliteTrackingAttemptLedgerTests : TrackingAttemptLedgerContract, IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    protected override async Task<ITrackingAttemptLedger> CreateLedgerAsync()
    {
        var database = new SqliteDatabase(_folder.File($"speak-up-{Guid.NewGuid():N}.db"), SqliteSpeakUpStore.Migrations);
        await database.MigrateAsync();
        return new SqliteTrackingAttemptLedger(database);
    }
}

/// <summary>The ledger in a Cosmos DB container: the protocol peer on loopback, or COSMOS_ENDPOINT.</summary>
[Collection(CosmosCollection.Name)]
public sealed class CosmosTrackingAttemptLedgerTests(CosmosAccountFixture account) : TrackingAttemptLedgerContract
{
    protected override async Task<ITrackingAttemptLedger> CreateLedgerAsync() =>
        new CosmosTrackingAttemptLedger((await account.Server.CreateDatabaseAsync()).Feedback);
}
