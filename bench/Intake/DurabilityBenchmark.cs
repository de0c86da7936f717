using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QualityVoice.Bench.Common;

namespace QualityVoice.Bench.Intake;

/// <summary>
/// <c>./qv bench durability</c>: 32 clients send 20,000 submissions, each with its own idempotency key, retrying
/// the same key until they get a 201, while the portal is killed with SIGKILL twice and started again on the same
/// data. Then <c>./qv export</c> must hold every reference that got a 201, each exactly once, and nothing else.
/// </summary>
internal static class DurabilityBenchmark
{
    public static async Task<int> RunAsync(string repository, int submissions, int clients, int kills)
    {
        var data = Directory.CreateTempSubdirectory("qv-bench-durability-");
        var portal = IntakeApps.Portal(repository, data.FullName, AppProcess.FreePort());
        await portal.StartAsync();
        using var client = Submissions.Client(portal.Address, clients);

        Console.WriteLine($"{submissions:N0} submissions from {clients} clients; SIGKILL {kills} times; data in {data.FullName}");
        var acknowledged = new string?[submissions];
        var acknowledgedCount = 0;
        var retries = 0;
        var next = -1;
        var restarting = new SemaphoreSlim(1, 1);
        var killAt = Enumerable.Range(1, kills).Select(k => submissions * k / (kills + 1)).ToArray();
        var killsDone = 0;
        var clock = Stopwatch.StartNew();

        var killer = Task.Run(async () =>
        {
            foreach (var threshold in killAt)
            {
                while (Volatile.Read(ref acknowledgedCount) < threshold)
                {
                    await Task.Delay(5);
                }

                await restarting.WaitAsync();
                try
                {
                    await portal.KillAsync();
                    Console.WriteLine($"  SIGKILL after {Volatile.Read(ref acknowledgedCount):N0} acknowledged ({clock.Elapsed.TotalSeconds:0.0} s); restarting");
                    killsDone++;
                }
                finally
                {
                    restarting.Release();
                }

                // Clients fail while it is down and keep retrying their keys; start it again on the same data.
                await Task.Delay(500);
                await portal.StartAsync();
            }
        });

        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < submissions)
            {
                var key = $"durability-{n:D6}";
                while (true)
                {
                    using var request = Submissions.Create(n, key);
                    try
                    {
                        using var response = await client.SendAsync(request);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
                            acknowledged[n] = receipt.GetProperty("reference").GetString();
                            Interlocked.Increment(ref acknowledgedCount);
                            break;
                        }
                    }
                    catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
                    {
                    }

                    Interlocked.Increment(ref retries);
                    await Task.Delay(50);
                }
            }
        })));

        await killer;
        await portal.StopAsync();
        await portal.DisposeAsync();
        Console.WriteLine($"all {submissions:N0} acknowledged in {clock.Elapsed.TotalSeconds:0.0} s after {killsDone} kills and {retries:N0} retried requests");

        var exported = await ExportAsync(repository, data.FullName);
        var counts = exported.GroupBy(reference => reference, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var missing = acknowledged.Count(reference => reference is null || !counts.ContainsKey(reference));
        var twice = counts.Count(pair => pair.Value > 1);
        var distinctAcknowledged = acknowledged.Distinct(StringComparer.Ordinal).Count();
        var extra = counts.Keys.Except(acknowledged.OfType<string>(), StringComparer.Ordinal).Count();
        Console.WriteLine($"./qv export: {exported.Count:N0} items; acknowledged references {distinctAcknowledged:N0}");
        Console.WriteLine($"missing: {missing}, exported twice: {twice}, stored but never acknowledged: {extra}");
        var passed = missing == 0 && twice == 0 && extra == 0 && distinctAcknowledged == submissions && killsDone == kills;
        Console.WriteLine(passed ? "PASS: nothing acknowledged was lost, nothing was stored twice" : "FAIL");
        if (passed)
        {
            data.Delete(recursive: true);
        }

        return passed ? 0 : 1;
    }

    private static async Task<List<string>> ExportAsync(string repository, string dataDirectory)
    {
        var output = Path.Combine(dataDirectory, "export.jsonl");
        var start = new ProcessStartInfo("bash", [Path.Combine(repository, "qv"), "export", "--format", "jsonl", "--output", output])
        {
            WorkingDirectory = repository,
        };
        start.Environment["QV_DATA_DIR"] = dataDirectory;
        using var export = Process.Start(start)!;
        await export.WaitForExitAsync();
        if (export.ExitCode != 0)
        {
            throw new InvalidOperationException($"./qv export failed with exit code {export.ExitCode}.");
        }

        var references = new List<string>();
        foreach (var line in await File.ReadAllLinesAsync(output))
        {
            using var item = JsonDocument.Parse(line);
            references.Add(item.RootElement.GetProperty("reference").GetString()!);
        }

        return references;
    }
}
