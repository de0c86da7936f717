using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;

namespace QualityVoice.Feedback.Tests.Insight;

/// <summary>Outreach plans, on each store: kept as recorded, the latest start first.</summary>
public abstract class OutreachPlansContract
{
    protected abstract Task<IOutreachPlans> CreateStoreAsync();

    [Fact]
    public async Task Plans_are_kept_as_recorded_and_listed_the_latest_start_first()
    {
        var store = await CreateStoreAsync();
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        OutreachPlan[] recorded =
        [
            new("a", "Aged under 25", "Stall at the college fresher's fair", new DateOnly(2026, 9, 1), "engagement@example.nhs.uk", at),
            new("b", "Aged 75 or over", "Paper forms at the day centres", new DateOnly(2027, 1, 1), "engagement@example.nhs.uk", at.AddDays(1)),
            new("c", "Aged under 25", "Form shared by the youth council", new DateOnly(2026, 11, 1), "quality@example.nhs.uk", at.AddDays(2)),
        ];
        foreach (var plan in recorded)
        {
            await store.AddAsync(plan, CancellationToken.None);
        }

        Assert.Equal([recorded[1], recorded[2], recorded[0]], await store.ListAsync(CancellationToken.None));
    }
}

public sealed class SqliteOutreachPlansTests : OutreachPlansContract, IAsyncDisposable
{
    private readonly SqliteDatabases _databases = new();

    protected override async Task<IOutreachPlans> CreateStoreAsync() => new SqliteOutreachPlans((await _databases.CreateAsync()).Database);

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}

[Collection(CosmosCollection.Name)]
public sealed class CosmosOutreachPlansTests(CosmosAccountFixture account) : OutreachPlansContract
{
    protected override async Task<IOutreachPlans> CreateStoreAsync() => new CosmosOutreachPlans(await account.Server.CreateDatabaseAsync());
}
