using QualityVoice.Bench.Analysis;

// ./qv bench analyze [--model embedding|fast] [--rows N] | ./qv bench pii [--cases 2000]
var repository = Environment.GetEnvironmentVariable("QV_REPOSITORY") ?? Directory.GetCurrentDirectory();
var options = args.Skip(1).Chunk(2).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair[1]);
int Option(string name, int fallback) => options.TryGetValue(name, out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

return args.FirstOrDefault() switch
{
    "speed" => options.GetValueOrDefault("model", "embedding") switch
    {
        "fast" => await SpeedBenchmark.RunAsync(repository, options.GetValueOrDefault("input"), Option("rows", 200_000)),
        "embedding" => await EmbeddingSpeedBenchmark.RunAsync(repository, options.GetValueOrDefault("input"), Option("rows", 100_000)),
        _ => Usage(),
    },
    "pii" => PiiBenchmark.Run(Option("cases", 2_000), Option("seed", 20261122)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Analysis speed [--model embedding|fast] [--input comments.csv] [--rows N] | pii [--cases 2000] [--seed N]");
    return 2;
}
