using QualityVoice.Bench.Analysis;

// ./qv bench analyze [--rows 200000] | ./qv bench pii [--cases 2000]
var repository = Environment.GetEnvironmentVariable("QV_REPOSITORY") ?? Directory.GetCurrentDirectory();
var options = args.Skip(1).Chunk(2).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair[1]);
int Option(string name, int fallback) => options.TryGetValue(name, out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

return args.FirstOrDefault() switch
{
    "speed" => await SpeedBenchmark.RunAsync(repository, options.GetValueOrDefault("input"), Option("rows", 200_000)),
    "pii" => PiiBenchmark.Run(Option("cases", 2_000), Option("seed", 20261122)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Analysis speed [--input comments.csv] [--rows 200000] | pii [--cases 2000] [--seed N]");
    return 2;
}
