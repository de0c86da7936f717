using System.Globalization;
using QualityVoice.Bench.BackOffice;

// ./qv bench backoffice [--data DIR] [--runs 30]
var repository = Environment.GetEnvironmentVariable("QV_REPOSITORY") ?? Directory.GetCurrentDirectory();
var options = args.Chunk(2).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair[1]);
var data = options.GetValueOrDefault("data") ?? Environment.GetEnvironmentVariable("QV_DATA_DIR") ?? Path.Combine(repository, ".qv-data");
var runs = int.Parse(options.GetValueOrDefault("runs") ?? "30", CultureInfo.InvariantCulture);

if (!File.Exists(Path.Combine(data, "feedback.db")))
{
    Console.Error.WriteLine($"No feedback store in {data}: seed one first, for example QV_DATA_DIR={data} ./qv seed --synthetic 1000000");
    return 2;
}

return await PageTimings.RunAsync(repository, Path.GetFullPath(data), runs);
