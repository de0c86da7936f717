using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using QualityVoice.Bench.Common;

namespace QualityVoice.Bench.Intake;

/// <summary>
/// <c>./qv bench intake</c>: 32 clients post feedback to the API as fast as the portal acknowledges it, for a warm-up
/// and then a measured minute, with the back office running beside it on the same data as <c>./qv run</c> runs it (its
/// analysis worker analysing what arrives); reports acknowledged submissions a second, latency percentiles, the
/// longest time nothing was acknowledged, and the analysis backlog left at the end. <c>--portal-only</c> measures the
/// portal alone; <c>--pause-back-office N</c> stops the back office with SIGSTOP for N seconds in the middle (a hung
/// process holding whatever it holds) and reports what intake did meanwhile. <c>--portals N</c> runs N portal processes
/// on the same data (instances on one store), the clients spread evenly over them.
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task<int> RunAsync(string repository, int clients, TimeSpan warmUp, TimeSpan measured, bool withBackOffice, TimeSpan pauseBackOffice, int portals = 1)
    {
        var data = Directory.CreateTempSubdirectory("qv-bench-intake-");
        var instances = new List<AppProcess>();
        await using var owned = new Stopped(instances);
        for (var i = 0; i < Math.Max(1, portals); i++)
        {
            var instance = IntakeApps.Portal(repository, data.FullName);
            instances.Add(instance);
            await instance.StartAsync();
        }

        var portal = instances[0];
        await using var backOffice = IntakeApps.BackOffice(repository, data.FullName);
        if (withBackOffice)
        {
            await backOffice.StartAsync();
        }

        var portalClients = instances.Select(instance => Submissions.Client(instance.Address, (clients + instances.Count - 1) / instances.Count)).ToArray();
        Console.WriteLine($"POST /api/v1/feedback, {clients} clients, {Environment.ProcessorCount} cores, SQLite in {data.FullName}");
        Console.WriteLine(instances.Count == 1 ? "one portal" : $"{instances.Count} portal processes on the same data, the clients spread evenly over them");
        Console.WriteLine(withBackOffice
            ? "the back office runs beside the portal on the same data, its analysis worker analysing what arrives (./qv run's configuration)"
            : "the portal alone (--portal-only)");
        Console.WriteLine($"warm-up {warmUp.TotalSeconds:0} s, then measuring for {measured.TotalSeconds:0} s");

        var clock = Stopwatch.StartNew();
        var measureFrom = warmUp;
        var measureTo = warmUp + measured;
        var latencies = new List<double>[clients];
        var failures = new int[clients];
        var unavailable = 0;
        var retryAfterMissing = 0;
        var lastAcknowledged = new long[clients];
        long longestGap = 0;
        var counter = 0;
        var pauser = Task.CompletedTask;
        string? readinessWhilePaused = null;
        if (withBackOffice && pauseBackOffice > TimeSpan.Zero)
        {
            pauser = Task.Run(async () =>
            {
                await Task.Delay(measureFrom + ((measured - pauseBackOffice) / 2));
                await backOffice.PauseAsync();
                Console.WriteLine($"  back office paused (SIGSTOP) at {clock.Elapsed.TotalSeconds:0.0} s for {pauseBackOffice.TotalSeconds:0} s");
                await Task.Delay(pauseBackOffice / 2);
                using var probe = new HttpClient { BaseAddress = portal.Address, Timeout = TimeSpan.FromSeconds(5) };
                using var ready = await probe.GetAsync("health/ready");
                readinessWhilePaused = $"{(int)ready.StatusCode} {await ready.Content.ReadAsStringAsync()}";
                await Task.Delay(pauseBackOffice / 2);
                await backOffice.ResumeAsync();
                Console.WriteLine($"  back office resumed at {clock.Elapsed.TotalSeconds:0.0} s");
            });
        }

        var acknowledgedAt = new List<double>[clients];
        await Task.WhenAll(Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            var client = portalClients[worker % portalClients.Length];
            var mine = latencies[worker] = new List<double>(100_000);
            var times = acknowledgedAt[worker] = new List<double>(100_000);
            while (clock.Elapsed < measureTo)
            {
                var n = Interlocked.Increment(ref counter);
                using var request = Submissions.Create(n, idempotencyKey: null);
                var started = clock.Elapsed;
                HttpStatusCode status;
                var retryAfter = false;
                try
                {
                    using var response = await client.SendAsync(request);
                    status = response.StatusCode;
                    retryAfter = response.Headers.RetryAfter is not null;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                }

                var finished = clock.Elapsed;
                if (started >= measureFrom && finished <= measureTo)
                {
                    if (status == HttpStatusCode.Created)
                    {
                        mine.Add((finished - started).TotalMilliseconds);
                        times.Add(finished.TotalMilliseconds);
                    }
                    else if (status == HttpStatusCode.ServiceUnavailable)
                    {
                        Interlocked.Increment(ref unavailable);
                        if (!retryAfter)
                        {
                            Interlocked.Increment(ref retryAfterMissing);
                        }

                        await Task.Delay(TimeSpan.FromSeconds(1)); // as Retry-After asks
                    }
                    else
                    {
                        failures[worker]++;
                    }
                }
            }
        })));
        await pauser;

        var all = latencies.SelectMany(list => list).Order().ToArray();
        var moments = acknowledgedAt.SelectMany(list => list).Order().ToArray();
        var gap = moments.Zip(moments.Skip(1), (a, b) => b - a).DefaultIfEmpty(0).Max();
        longestGap = (long)gap;
        var failed = failures.Sum();
        Console.WriteLine();
        Console.WriteLine($"acknowledged (201): {all.Length:N0} in {measured.TotalSeconds:0} s = {all.Length / measured.TotalSeconds:N0} a second");
        Console.WriteLine($"refused for now (503 with Retry-After): {unavailable:N0}{(retryAfterMissing > 0 ? $" ({retryAfterMissing} without Retry-After)" : "")}");
        Console.WriteLine($"failed otherwise:   {failed:N0}");
        Console.WriteLine($"latency ms: p50 {Percentile(all, 0.50):0.0}  p95 {Percentile(all, 0.95):0.0}  p99 {Percentile(all, 0.99):0.0}  max {all.LastOrDefault():0.0}");
        Console.WriteLine($"longest time with no acknowledgement: {longestGap:N0} ms");
        if (readinessWhilePaused is not null)
        {
            Console.WriteLine($"portal readiness while the back office was paused: {readinessWhilePaused}");
        }

        if (withBackOffice)
        {
            var (pending, total) = await BacklogAsync(Path.Combine(data.FullName, "feedback.db"));
            Console.WriteLine($"analysis backlog at the end: {pending:N0} of {total:N0} items not analysed yet (the worker catches up after the burst)");
        }

        await backOffice.StopAsync();
        foreach (var instance in instances)
        {
            await instance.StopAsync();
        }

        foreach (var client in portalClients)
        {
            client.Dispose();
        }

        SqliteConnection.ClearAllPools();
        data.Delete(recursive: true);
        return failed == 0 && retryAfterMissing == 0 ? 0 : 1;
    }

    private static async Task<(long Pending, long Total)> BacklogAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FILTER (WHERE analysis_state = 'pending'), count(*) FROM feedback_items;";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Every portal process started, stopped however the run ends.</summary>
    private sealed class Stopped(List<AppProcess> processes) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }
}
