using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Tests.Insight;

/// <summary>Services' escalation levels, on each store: every change kept, the latest first, each service its own.</summary>
public abstract class ServiceEscalationsContract
{
    protected abstract Task<IServiceEscalations> CreateStoreAsync();

    [Fact]
    public async Task Every_level_recorded_is_kept_and_read_back_the_latest_first_for_its_service_only()
    {
        var store = await CreateStoreAsync();
        var at = new DateTimeOffset(2026, 9, 1, 9, 30, 0, TimeSpan.Zero);
        ServiceEscalation[] recorded =
        [
            new("rtd-ae", EscalationLevel.Routine, "Annual review: no concerns", "quality@example.nhs.uk", at),
            new("rtd-ae", EscalationLevel.Enhanced, "Waits rising; agreed at the Quality Committee", "lead@example.nhs.uk", at.AddDays(30)),
            new("rtd-maternity", EscalationLevel.Intensive, "CQC inspection findings", "quality@example.nhs.uk", at.AddDays(5)),
            new("rtd-ae", EscalationLevel.Routine, "Waits back to normal for three months", "quality@example.nhs.uk", at.AddDays(120)),
        ];
        foreach (var escalation in recorded)
        {
            await store.AddAsync(escalation, CancellationToken.None);
        }

        var history = await store.HistoryAsync("rtd-ae", CancellationToken.None);

        Assert.Equal([recorded[3], recorded[1], recorded[0]], history);
        Assert.Equal([recorded[2]], await store.HistoryAsync("rtd-maternity", CancellationToken.None));
        Assert.Empty(await store.HistoryAsync("rtd-wards", CancellationToken.None));
    }
}

public sealed class SqliteServiceEscalationsTests : ServiceEscalationsContract, IAsyncDisposable
{
    private readonly SqliteDatabases _databases = new();

    protected override async Task<IServiceEscalations> CreateStoreAsync() => new SqliteServiceEscalations((await _databases.CreateAsync()).Database);

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}

[Collection(CosmosCollection.Name)]
public sealed class CosmosServiceEscalationsTests(CosmosAccountFixture account) : ServiceEscalationsContract
{
    protected override async Task<IServiceEscalations> CreateStoreAsync() => new CosmosServiceEscalations(await account.Server.CreateDatabaseAsync());
}
