using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;

namespace QualityVoice.Feedback.Tests.Insight;

/// <summary>Other intelligence, on each store: saved, read back by months and service, a corrected upload replacing a count.</summary>
public abstract class OtherIntelligenceContract
{
    protected abstract Task<IOtherIntelligence> CreateStoreAsync();

    [Fact]
    public async Task Counts_are_read_back_by_months_and_service_and_a_corrected_count_replaces_the_first()
    {
        var store = await CreateStoreAsync();
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        IntelligenceCount Count(string service, int month, IntelligenceChannel channel, string subject, int n) =>
            new(service, new YearMonth(2026, month), channel, subject, n, "quality@example.nhs.uk", at);
        await store.SaveAsync(
            [
                Count("rtd-ae", 9, IntelligenceChannel.Complaints, "Waiting times", 4),
                Count("rtd-ae", 10, IntelligenceChannel.Complaints, "Waiting times", 3),
                Count("rtd-ae", 10, IntelligenceChannel.Pals, string.Empty, 7),
                Count("rtd-wards", 10, IntelligenceChannel.Incidents, "Falls", 2),
                Count("rtd-ae", 11, IntelligenceChannel.Complaints, "Waiting times", 1),
            ],
            CancellationToken.None);

        // October's complaints corrected: "waiting times" (any case) is the same subject.
        await store.SaveAsync([Count("rtd-ae", 10, IntelligenceChannel.Complaints, "WAITING TIMES", 5) with { UploadedBy = "lead@example.nhs.uk" }], CancellationToken.None);

        var ae = await store.ReadAsync(new YearMonth(2026, 9), new YearMonth(2026, 10), "rtd-ae", CancellationToken.None);
        var everywhere = await store.ReadAsync(new YearMonth(2026, 10), new YearMonth(2026, 10), null, CancellationToken.None);

        Assert.Equal(
            [("2026-09", IntelligenceChannel.Complaints, 4), ("2026-10", IntelligenceChannel.Complaints, 5), ("2026-10", IntelligenceChannel.Pals, 7)],
            ae.Select(count => (count.Month.ToString(), count.Channel, count.Count)));
        Assert.Equal("lead@example.nhs.uk", ae[1].UploadedBy);
        Assert.Equal(at, ae[0].UploadedAt);
        Assert.Equal(3, everywhere.Count);
        Assert.Contains(everywhere, count => count is { ServiceId: "rtd-wards", Channel: IntelligenceChannel.Incidents, Subject: "Falls", Count: 2 });
    }
}

public sealed class SqliteOtherIntelligenceTests : OtherIntelligenceContract, IAsyncDisposable
{
    private readonly SqliteDatabases _databases = new();

    protected override async Task<IOtherIntelligence> CreateStoreAsync() => new SqliteOtherIntelligence((await _databases.CreateAsync()).Database);

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}

[Collection(CosmosCollection.Name)]
public sealed class CosmosOtherIntelligenceTests(CosmosAccountFixture account) : OtherIntelligenceContract
{
    protected override async Task<IOtherIntelligence> CreateStoreAsync() => new CosmosOtherIntelligence(await account.Server.CreateDatabaseAsync());
}
