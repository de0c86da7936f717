using System.Globalization;
using QualityVoice.Bench.Portal;

// ./qv bench portal [--seconds 10] [--connections 64] [--threads 2] [--rounds 3]
var repository = Environment.GetEnvironmentVariable("QV_REPOSITORY") ?? Directory.GetCurrentDirectory();
var options = args.Chunk(2).Where(pair => pair.Length == 2)
    .ToDictionary(pair => pair[0].TrimStart('-'), pair => int.Parse(pair[1], CultureInfo.InvariantCulture));
if (options.Keys.Except(["seconds", "connections", "threads", "rounds"]).Any() || args.Length % 2 != 0)
{
    Console.Error.WriteLine("usage: Portal [--seconds 10] [--connections 64] [--threads 2] [--rounds 3]");
    return 2;
}

int Option(string name, int fallback) => options.TryGetValue(name, out var value) ? value : fallback;
var load = new WrkLoad(TimeSpan.FromSeconds(Option("seconds", 10)), Option("connections", 64), Option("threads", 2));
return await PortalBenchmark.RunAsync(repository, load, Option("rounds", 3));
