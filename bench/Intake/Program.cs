using System.Net;
using System.Net.Sockets;
using QualityVoice.Bench.Intake;

// ./qv bench intake [--clients 32] [--seconds 60] | ./qv bench durability [--submissions 20000] [--kills 2]
var repository = Environment.GetEnvironmentVariable("QV_REPOSITORY") ?? Directory.GetCurrentDirectory();
var options = args.Skip(1).Chunk(2).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0].TrimStart('-'), pair => int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture));
int Option(string name, int fallback) => options.TryGetValue(name, out var value) ? value : fallback;

return args.FirstOrDefault() switch
{
    "throughput" => await ThroughputBenchmark.RunAsync(repository, Option("clients", 32), TimeSpan.FromSeconds(Option("warmup", 10)), TimeSpan.FromSeconds(Option("seconds", 60))),
    "durability" => await DurabilityBenchmark.RunAsync(repository, Option("submissions", 20_000), Option("clients", 32), Option("kills", 2)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Intake throughput [--clients 32] [--seconds 60] [--warmup 10] | durability [--submissions 20000] [--clients 32] [--kills 2]");
    return 2;
}

namespace QualityVoice.Bench.Intake
{
    /// <summary>A loopback port that is free now.</summary>
    internal static class FreePort
    {
        public static int Next()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
