using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;

namespace QualityVoice.Feedback.Tests.Insight;

/// <summary>Kept reports, on each store: kept once by id, listed the latest first without their figures, found whole.</summary>
public abstract class KeptReportsContract
{
    protected abstract Task<IKeptReports> CreateStoreAsync();

    [Fact]
    public async Task Reports_are_kept_once_by_id_listed_the_latest_first_and_found_with_their_figures()
    {
        var store = await CreateStoreAsync();
        var at = new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
        var weekly = new KeptReport(
            KeptReport.ScheduledId(KeptReportKind.WeeklyPack, "2026-11-23"), KeptReportKind.WeeklyPack, "Weekly insights pack, week starting 23 November 2026",
            at, KeptReport.Schedule, """{"pack":{"week":"2026-11-23","items":12}}""");
        var service = new KeptReport(
            "4f1c2a9e0b7d3e11", KeptReportKind.ServiceReport, "Service quality report: Maternity, September to October 2026",
            at.AddHours(3), "quality@example.nhs.uk", """{"report":{"serviceId":"rtd-maternity","quote":"Kind \"midwives\""}}""");

        Assert.True(await store.AddAsync(weekly, CancellationToken.None));
        Assert.True(await store.AddAsync(service, CancellationToken.None));
        Assert.False(await store.AddAsync(weekly with { GeneratedAt = at.AddDays(1), Figures = "{}" }, CancellationToken.None));

        Assert.Equal([service.Summary, weekly.Summary], await store.ListAsync(CancellationToken.None));
        Assert.Equal(weekly, await store.FindAsync(weekly.Id, CancellationToken.None));
        Assert.Equal(service, await store.FindAsync(service.Id, CancellationToken.None));
        Assert.Null(await store.FindAsync("no-such-report", CancellationToken.None));
    }
}

public sealed class SqliteKeptReportsTests : KeptReportsContract, IAsyncDisposable
{
    private readonly SqliteDatabases _databases = new();

    protected override async Task<IKeptReports> CreateStoreAsync() => new SqliteKeptReports((await _databases.CreateAsync()).Database);

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}

[Collection(CosmosCollection.Name)]
public sealed class CosmosKeptReportsTests(CosmosAccountFixture account) : KeptReportsContract
{
    protected override async Task<IKeptReports> CreateStoreAsync() => new CosmosKeptReports(await account.Server.CreateDatabaseAsync());
}
