using QualityVoice.Bench.Intake;

// ./qv bench intake [--clients 32] [--seconds 60] [--portal-only] [--pause-back-office 15] [--portals 2]
// ./qv bench durability [--submissions 20000] [--kills 2]
var repository = Environment.GetEnvironmentVariable("QV_REPOSITORY") ?? Directory.GetCurrentDirectory();
var flags = args.Skip(1).Where(arg => arg is "--portal-only").ToHashSet();
var options = args.Skip(1).Where(arg => !flags.Contains(arg)).Chunk(2).Where(pair => pair.Length == 2)
    .ToDictionary(pair => pair[0].TrimStart('-'), pair => int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture));
int Option(string name, int fallback) => options.TryGetValue(name, out var value) ? value : fallback;

return args.FirstOrDefault() switch
{
    "throughput" => await ThroughputBenchmark.RunAsync(
        repository,
        Option("clients", 32),
        TimeSpan.FromSeconds(Option("warmup", 10)),
        TimeSpan.FromSeconds(Option("seconds", 60)),
        withBackOffice: !flags.Contains("--portal-only"),
        pauseBackOffice: TimeSpan.FromSeconds(Option("pause-back-office", 0)),
        portals: Option("portals", 1)),
    "durability" => await DurabilityBenchmark.RunAsync(repository, Option("submissions", 20_000), Option("clients", 32), Option("kills", 2)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Intake throughput [--clients 32] [--seconds 60] [--warmup 10] [--portal-only] [--pause-back-office SECONDS] [--portals N] | durability [--submissions 20000] [--clients 32] [--kills 2]");
    return 2;
}
