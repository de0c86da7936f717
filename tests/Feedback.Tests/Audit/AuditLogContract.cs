using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Audit;

/// <summary>The audit log, on each store: newest first, filtered, a page at a time, speak-up entries apart.</summary>
public abstract class AuditLogContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<IAuditLog> CreateLogAsync();

    [Fact]
    public async Task Entries_are_read_newest_first_a_page_at_a_time_to_the_last()
    {
        var log = await CreateLogAsync();
        for (var i = 0; i < 5; i++)
        {
            await log.RecordAsync(new AuditEntry(Start.AddMinutes(i), "quality@example.nhs.uk", AuditActions.Viewed, $"QV-AAAA-000{i}", "Opened the item"));
        }

        var (first, next) = await log.ReadAsync(new AuditQuery(), 2);
        var (second, then) = await log.ReadAsync(new AuditQuery(Before: next), 2);
        var (last, end) = await log.ReadAsync(new AuditQuery(Before: then), 2);

        Assert.Equal(["QV-AAAA-0004", "QV-AAAA-0003"], first.Select(entry => entry.Entry.Subject));
        Assert.Equal(["QV-AAAA-0002", "QV-AAAA-0001"], second.Select(entry => entry.Entry.Subject));
        Assert.Equal(["QV-AAAA-0000"], last.Select(entry => entry.Entry.Subject));
        Assert.Null(end);
        Assert.Equal(new AuditEntry(Start.AddMinutes(4), "quality@example.nhs.uk", AuditActions.Viewed, "QV-AAAA-0004", "Opened the item"), first[0].Entry);
    }

    [Fact]
    public async Task Entries_are_filtered_by_who_what_kind_and_about_what_together()
    {
        var log = await CreateLogAsync();
        await log.RecordAsync(new AuditEntry(Start, "reader@example.nhs.uk", AuditActions.ViewedOriginal, "QV-BBBB-BBBB", "Reason: complaint"));
        await log.RecordAsync(new AuditEntry(Start.AddSeconds(1), "reader@example.nhs.uk", AuditActions.Exported, "feedback.csv", "Filters: none"));
        await log.RecordAsync(new AuditEntry(Start.AddSeconds(2), "other@example.nhs.uk", AuditActions.Exported, "feedback.csv", "Filters: none"));

        var (byReader, _) = await log.ReadAsync(new AuditQuery(Actor: "reader@example.nhs.uk"), 10);
        var (exports, _) = await log.ReadAsync(new AuditQuery(Action: AuditActions.Exported), 10);
        var (readersExport, _) = await log.ReadAsync(new AuditQuery(Actor: "reader@example.nhs.uk", Action: AuditActions.Exported, Subject: "feedback.csv"), 10);

        Assert.Equal(["feedback.csv", "QV-BBBB-BBBB"], byReader.Select(entry => entry.Entry.Subject));
        Assert.Equal(["other@example.nhs.uk", "reader@example.nhs.uk"], exports.Select(entry => entry.Entry.Actor));
        Assert.Equal(Start.AddSeconds(1), Assert.Single(readersExport).Entry.At);
    }

    [Fact]
    public async Task Speak_up_entries_are_read_apart_from_the_rest()
    {
        var log = await CreateLogAsync();
        await log.RecordAsync(new AuditEntry(Start, "guardian@example.nhs.uk", AuditActions.Viewed, "SU-ABCD-EFGH", "Opened the case"));
        await log.RecordAsync(new AuditEntry(Start, "guardian@example.nhs.uk", AuditActions.Exported, "speak-up data return", "Quarter 3"));
        await log.RecordAsync(new AuditEntry(Start, "quality@example.nhs.uk", AuditActions.Viewed, "QV-ABCD-EFGH", "Opened the item"));

        var (rest, _) = await log.ReadAsync(new AuditQuery(), 10);
        var (speakUp, _) = await log.ReadAsync(new AuditQuery(Area: AuditArea.SpeakUp), 10);

        Assert.Equal(["QV-ABCD-EFGH"], rest.Select(entry => entry.Entry.Subject));
        Assert.Equal(["SU-ABCD-EFGH", "speak-up data return"], speakUp.Select(entry => entry.Entry.Subject).Order(StringComparer.Ordinal));
    }
}

public sealed class SqliteAuditLogTests : AuditLogContract, IDisposable
{
    private readonly TemporaryDirectory _folder = new();
    private int _logs;

    protected override async Task<IAuditLog> CreateLogAsync()
    {
        var database = new SqliteDatabase(_folder.File($"audit-{_logs++}.db"), SqliteAuditLog.Migrations);
        await database.MigrateAsync();
        return new SqliteAuditLog(database);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

[Collection(CosmosCollection.Name)]
public sealed class CosmosAuditLogTests(CosmosAccountFixture account) : AuditLogContract
{
    protected override async Task<IAuditLog> CreateLogAsync() => new CosmosAuditLog(await account.Server.CreateDatabaseAsync());

    [Fact]
    public async Task Two_instances_write_one_log()
    {
        var containers = await account.Server.CreateDatabaseAsync();
        var one = new CosmosAuditLog(containers);
        var other = new CosmosAuditLog(containers);
        var at = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? one : other).RecordAsync(new AuditEntry(at, "quality@example.nhs.uk", AuditActions.Viewed, $"QV-CCCC-{i:0000}", "Opened the item"))));

        var (entries, _) = await other.ReadAsync(new AuditQuery(), 50);
        Assert.Equal(20, entries.Select(entry => entry.Entry.Subject).Distinct(StringComparer.Ordinal).Count());
    }
}
