using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using QualityVoice.Analysis;
using QualityVoice.Analysis.Local;
using QualityVoice.Analysis.Pii;
using QualityVoice.Analysis.Urgency;

namespace QualityVoice.Bench.Analysis;

/// <summary>
/// <c>./qv bench analyze --model fast</c>: how many comments a second <c>./qv analyze --model fast</c> gets through, whole process (start-up,
/// model load, CSV in, JSON out) pinned to one core with <c>taskset</c>, and where the time goes, stage by stage.
/// The comments are the training file's, repeated to the row count, each with its own id.
/// </summary>
internal static class SpeedBenchmark
{
    public static async Task<int> RunAsync(string repository, string? input, int rows)
    {
        input ??= Environment.GetEnvironmentVariable("QV_TRAINING_DATA")
            ?? Path.Combine(repository, "..", "shared", "data", "patient-experience", "v6-train.csv");
        var comments = ReadComments(input);
        var folder = Directory.CreateTempSubdirectory("qv-bench-analyze-");
        var csv = Path.Combine(folder.FullName, "comments.csv");
        WriteRows(csv, comments, rows);
        Console.WriteLine($"{rows:N0} comments ({comments.Count:N0} distinct, mean {comments.Average(c => c.Length):0} characters) from {Path.GetFileName(input)}");

        var output = Path.Combine(folder.FullName, "analysis.jsonl");
        var cli = Path.Combine(repository, "src", "Cli", "bin", "Release", "net10.0", "QualityVoice.Cli.dll");
        // GNU time reports the peak resident memory, to show that it stays flat however many rows there are.
        var start = new ProcessStartInfo("/usr/bin/time", ["-f", "peak-rss-kb %M", "taskset", "-c", "0", "dotnet", cli, "analyze", "--model", "fast", "--input", csv, "--text-column", "comment", "--id-column", "id", "--output", output])
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
        Console.WriteLine($"./qv analyze, one core (taskset -c 0), whole process: {written:N0} rows in {clock.Elapsed.TotalSeconds:0.00} s = {written / clock.Elapsed.TotalSeconds:N0} comments a second; peak memory {long.Parse(peak ?? "0", CultureInfo.InvariantCulture) / 1024:N0} MB");

        Stages(comments, Math.Min(rows, 50_000));
        folder.Delete(recursive: true);
        return written == rows ? 0 : 1;
    }

    /// <summary>Times each stage in this process over the same comments, after a warm-up.</summary>
    private static void Stages(List<string> comments, int rows)
    {
        var model = LocalModel.Shipped;
        var stages = new (string Name, Action<string> Run)[]
        {
            ("themes and sentiment (local model)", text => model.Predict(new TextToAnalyse(text))),
            ("PII redaction", text => PiiRedactor.Redact(text)),
            ("urgency", text => UrgencyDetector.Detect(text)),
        };
        Console.WriteLine($"in-process, per stage, {rows:N0} comments:");
        foreach (var (name, run) in stages)
        {
            for (var i = 0; i < 2_000; i++)
            {
                run(comments[i % comments.Count]);
            }

            var clock = Stopwatch.StartNew();
            for (var i = 0; i < rows; i++)
            {
                run(comments[i % comments.Count]);
            }

            Console.WriteLine($"  {name,-36} {clock.Elapsed.TotalMicroseconds / rows,7:0.0} µs a comment");
        }
    }

    internal static List<string> ReadComments(string path)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = true });
        var column = Array.IndexOf(reader.Headers.ToArray(), "FFT answer");
        var comments = new List<string>();
        while (reader.Read())
        {
            var text = reader.GetString(column);
            if (!string.IsNullOrWhiteSpace(text))
            {
                comments.Add(text);
            }
        }

        return comments;
    }

    internal static void WriteRows(string path, List<string> comments, int rows)
    {
        using var writer = new StreamWriter(path);
        writer.Write("id,comment\n");
        for (var i = 0; i < rows; i++)
        {
            writer.Write(i.ToString(CultureInfo.InvariantCulture));
            writer.Write(",\"");
            writer.Write(comments[i % comments.Count].Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write("\"\n");
        }
    }
}
