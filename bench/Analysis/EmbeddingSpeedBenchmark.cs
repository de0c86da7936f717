using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using QualityVoice.Analysis;
using QualityVoice.Analysis.Embeddings;

namespace QualityVoice.Bench.Analysis;

/// <summary>
/// <c>./qv bench analyze</c> (the default analyzer): how many comments a second <c>./qv analyze</c> gets through with
/// sentence embeddings, whole process (start-up, model load, CSV in, JSON out) on two cores (<c>taskset -c 0,1</c>), with
/// its peak memory; then, in this process, how long the model takes to load and the encoder's rate with ONNX Runtime's
/// graph optimisations on and off.
/// </summary>
internal static class EmbeddingSpeedBenchmark
{
    public static async Task<int> RunAsync(string repository, string? input, int rows)
    {
        input ??= Environment.GetEnvironmentVariable("QV_TRAINING_DATA")
            ?? Path.Combine(repository, "..", "shared", "data", "patient-experience", "v6-train.csv");
        var comments = SpeedBenchmark.ReadComments(input);
        var folder = Directory.CreateTempSubdirectory("qv-bench-embedding-");
        var csv = Path.Combine(folder.FullName, "comments.csv");
        SpeedBenchmark.WriteRows(csv, comments, rows);
        Console.WriteLine($"{rows:N0} comments ({comments.Count:N0} distinct, mean {comments.Average(c => c.Length):0} characters) from {Path.GetFileName(input)}");

        var output = Path.Combine(folder.FullName, "analysis.jsonl");
        var cli = Path.Combine(repository, "src", "Cli", "bin", "Release", "net10.0", "QualityVoice.Cli.dll");
        var start = new ProcessStartInfo("/usr/bin/time", ["-f", "peak-rss-kb %M", "taskset", "-c", "0,1", "dotnet", cli, "analyze", "--input", csv, "--text-column", "comment", "--id-column", "id", "--output", output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var clock = Stopwatch.StartNew();
        string errors;
        using (var analyze = Process.Start(start)!)
        {
            var reading = analyze.StandardError.ReadToEndAsync();
            await analyze.StandardOutput.ReadToEndAsync();
            await analyze.WaitForExitAsync();
            errors = await reading;
            if (analyze.ExitCode != 0)
            {
                throw new InvalidOperationException($"./qv analyze failed with exit code {analyze.ExitCode}: {errors}");
            }
        }

        clock.Stop();
        var written = File.ReadLines(output).Count();
        var peak = errors.Split('\n').FirstOrDefault(line => line.StartsWith("peak-rss-kb ", StringComparison.Ordinal))?["peak-rss-kb ".Length..];
        Console.WriteLine($"./qv analyze (embedding), two cores (taskset -c 0,1), whole process: {written:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s = {written / clock.Elapsed.TotalSeconds:N0} comments a second; peak memory {long.Parse(peak ?? "0", CultureInfo.InvariantCulture) / 1024:N0} MB");

        var load = Stopwatch.StartNew();
        var files = MiniLmFiles.Read();
        using var encoder = new SentenceEncoder(files, EmbeddingModels.Adapter, threads: 2);
        var themes = EmbeddingModels.Themes;
        var urgency = EmbeddingModels.Urgency;
        load.Stop();
        Console.WriteLine($"in-process: model load (read from the package DLL, an ONNX Runtime session, theme and urgency heads) {load.Elapsed.TotalSeconds:0.00} s");

        var sample = comments.Take(Math.Min(rows, 4_000)).ToArray();
        foreach (var (name, level) in new[] { ("graph optimisations on (ORT_ENABLE_ALL)", GraphOptimizationLevel.ORT_ENABLE_ALL), ("graph optimisations off (ORT_DISABLE_ALL)", GraphOptimizationLevel.ORT_DISABLE_ALL) })
        {
            using var measured = new SentenceEncoder(files, EmbeddingModels.Adapter, threads: 2, level);
            measured.Embed(sample.Take(256).ToArray());
            var rate = Stopwatch.StartNew();
            measured.Embed(sample);
            Console.WriteLine($"  encoder, {name}, two threads: {sample.Length / rate.Elapsed.TotalSeconds:N0} comments a second over {sample.Length:N0}");
        }

        var analyzer = new EmbeddingTextAnalyzer(encoder, themes, urgency);
        var whole = Stopwatch.StartNew();
        await analyzer.AnalyzeAsync(sample.Select(text => new TextToAnalyse(text)).ToArray(), CancellationToken.None);
        Console.WriteLine($"  whole analysis in-process (embedding, themes, sentiment, urgency, PII): {sample.Length / whole.Elapsed.TotalSeconds:N0} comments a second");

        folder.Delete(recursive: true);
        return written == rows ? 0 : 1;
    }
}
