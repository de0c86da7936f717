using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Storage;

/// <summary>
/// Another process holding the write lock (a back office stopped mid-write, as SIGSTOP or a hung disk leaves it) costs
/// intake a bounded wait and a clear refusal, never a stall; readiness says why; intake carries on when it lets go.
/// </summary>
public sealed class SqliteLockWaitTests : IAsyncDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_held_write_lock_refuses_submissions_after_the_wait_and_readiness_says_why()
    {
        var database = new SqliteDatabase(_folder.File("feedback.db"), SqliteFeedbackStore.Migrations) { IntakeLockWait = TimeSpan.FromMilliseconds(300) };
        await database.MigrateAsync();
        await using var store = new SqliteFeedbackStore(database);
        var readiness = new SqliteReadinessCheck(database);

        // Another connection (as another process would) takes the write lock and keeps it.
        await using var other = await database.OpenAsync();
        await using (var hold = other.BeginTransaction(deferred: false))
        {
            var clock = Stopwatch.StartNew();
            var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.AddAsync(FeedbackRecords.Record(), CancellationToken.None));

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"waited {clock.ElapsedMilliseconds} ms");
            Assert.Contains("write lock", refused.Message, StringComparison.Ordinal);
            var report = await readiness.CheckHealthAsync(new HealthCheckContext());
            Assert.Equal(HealthStatus.Unhealthy, report.Status);
            Assert.Contains("another process", report.Description, StringComparison.Ordinal);
            await hold.RollbackAsync();
        }

        Assert.Equal(AddOutcome.Stored, (await store.AddAsync(FeedbackRecords.Record(), CancellationToken.None)).Outcome);
        Assert.Equal(HealthStatus.Healthy, (await readiness.CheckHealthAsync(new HealthCheckContext())).Status);
    }
}
