using System.Diagnostics;
using System.Net;

namespace QualityVoice.Bench.Intake;

/// <summary>
/// <c>./qv bench intake</c>: 32 clients post feedback to the API as fast as the portal acknowledges it, for a
/// warm-up and then a measured minute; reports acknowledged submissions a second and latency percentiles.
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task<int> RunAsync(string repository, int clients, TimeSpan warmUp, TimeSpan measured)
    {
        var data = Directory.CreateTempSubdirectory("qv-bench-intake-");
        await using var portal = new PortalProcess(repository, data.FullName, FreePort.Next());
        await portal.StartAsync();
        using var client = Submissions.Client(portal.Address, clients);

        Console.WriteLine($"POST /api/v1/feedback, {clients} clients, {Environment.ProcessorCount} cores, SQLite in {data.FullName}");
        Console.WriteLine($"warm-up {warmUp.TotalSeconds:0} s, then measuring for {measured.TotalSeconds:0} s");

        var clock = Stopwatch.StartNew();
        var measureFrom = warmUp;
        var measureTo = warmUp + measured;
        var latencies = new List<double>[clients];
        var failures = new int[clients];
        var counter = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(100_000);
            while (clock.Elapsed < measureTo)
            {
                var n = Interlocked.Increment(ref counter);
                using var request = Submissions.Create(n, idempotencyKey: null);
                var started = clock.Elapsed;
                HttpStatusCode status;
                try
                {
                    using var response = await client.SendAsync(request);
                    status = response.StatusCode;
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
                    }
                    else
                    {
                        failures[worker]++;
                    }
                }
            }
        })));

        await portal.StopAsync();
        var all = latencies.SelectMany(list => list).Order().ToArray();
        var failed = failures.Sum();
        Console.WriteLine();
        Console.WriteLine($"acknowledged (201): {all.Length:N0} in {measured.TotalSeconds:0} s = {all.Length / measured.TotalSeconds:N0} a second");
        Console.WriteLine($"failed or refused:  {failed:N0}");
        Console.WriteLine($"latency ms: p50 {Percentile(all, 0.50):0.0}  p95 {Percentile(all, 0.95):0.0}  p99 {Percentile(all, 0.99):0.0}  max {all.LastOrDefault():0.0}");
        data.Delete(recursive: true);
        return failed == 0 ? 0 : 1;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
