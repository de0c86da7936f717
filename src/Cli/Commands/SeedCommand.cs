using System.Diagnostics;
using System.Security.Cryptography;
using QualityVoice.Analysis;
using QualityVoice.Analysis.Local;
using QualityVoice.Cli.Seeding;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Outbox;
using QualityVoice.Feedback.Storage;

namespace QualityVoice.Cli.Commands;

/// <summary>
/// <c>./qv seed --synthetic N [--seed S] [--if-empty]</c>: writes N fictional, analysed feedback items into the
/// configured store, so that the benchmarks have a million rows to read. Analysis runs on every core; items are
/// written a few thousand to a transaction. <c>./qv seed --comments FILE [--if-empty]</c> writes a demonstration
/// from real, labelled NHS comments instead (<see cref="DemoFeedback"/>), as <c>./qv run --demo</c> does.
/// </summary>
internal static class SeedCommand
{
    private const int Batch = 2_000;

    public static async Task<int> RunAsync(
        CommandLine line, IFeedbackStore store, ContentPack pack, TimeProvider time, TextWriter output, CancellationToken cancellationToken, DemoHistory? history = null)
    {
        line.OnlyAllow("synthetic", "comments", "seed", "if-empty");
        if (line.Optional("comments") is { } file)
        {
            return await DemonstrationAsync(line, file, store, pack, time, output, history, cancellationToken);
        }

        if (!int.TryParse(line.Required("synthetic"), out var count) || count < 1)
        {
            throw new UsageException("--synthetic takes how many items to make, a whole number above 0.");
        }

        var seed = int.TryParse(line.Optional("seed"), out var s) ? s : 20261122;
        if (line.Has("if-empty") && (await store.ListNewestAsync(1, cancellationToken)).Count > 0)
        {
            output.WriteLine("seed: the store already holds feedback; nothing added");
            return 0;
        }

        var services = pack.Organisations.SelectMany(organisation => organisation.Services).ToArray();
        var synthetic = new SyntheticFeedback(services, seed);
        var analyzer = new LocalTextAnalyzer(LocalModel.Shipped);
        var now = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var written = 0;

        // A new reference that happens to be taken already is skipped by the store (at a million items, one
        // or two are likely), so go round again for however many are still missing.
        for (var missing = count; missing > 0; missing = count - written)
        {
            foreach (var arrivals in synthetic.ArrivalTimes(missing, now).Chunk(Batch))
            {
                written += await store.ImportAsync(Analysed(arrivals, synthetic, analyzer, pack, now, cancellationToken), cancellationToken);
                output.Write($"\rseed: {written:N0} of {count:N0} ({written / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0} a second)");
            }
        }

        output.WriteLine();
        output.WriteLine($"seed: {written:N0} synthetic items written in {clock.Elapsed.TotalSeconds:N0} s");
        return 0;
    }

    private static async Task<int> DemonstrationAsync(
        CommandLine line, string file, IFeedbackStore store, ContentPack pack, TimeProvider time, TextWriter output, DemoHistory? history, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new UsageException($"--comments names the labelled comments file, and {file} is not there.");
        }

        if (line.Has("if-empty") && (await store.ListNewestAsync(1, cancellationToken)).Count > 0)
        {
            output.WriteLine("seed: the store already holds feedback; nothing added");
            return 0;
        }

        var now = time.GetUtcNow();
        var demo = new DemoFeedback(pack, int.TryParse(line.Optional("seed"), out var s) ? s : 20261130);
        var items = demo.Build(LabelledComments.Load(file), now);
        var written = 0;
        foreach (var batch in items.Chunk(Batch))
        {
            written += await store.ImportAsync(batch, cancellationToken);
        }

        output.WriteLine($"seed: {written:N0} real, labelled NHS comments written (pxtextmining, MIT licence, © NHS England)"
            + (demo.Planted is { } planted ? $"; '{planted.Theme}' turns negative at {pack.FindService(planted.ServiceId)?.FullName} in the last three weeks" : string.Empty));
        if (history is not null)
        {
            output.WriteLine($"seed: {await history.WriteAsync(demo.Planted, now, cancellationToken)}");
        }

        return 0;
    }

    /// <summary>A batch of fictional items, analysed on every core by the local analyzer.</summary>
    private static ImportedFeedback[] Analysed(DateTimeOffset[] arrivals, SyntheticFeedback synthetic, LocalTextAnalyzer analyzer, ContentPack pack, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var random = new SecureRandomSource();
        var records = arrivals.Select(at => new FeedbackRecord(
            synthetic.Next(at), FeedbackReference.Create(FeedbackReference.FeedbackPrefix, random), RandomNumberGenerator.GetBytes(32), at, null, null, null)).ToArray();
        var analyses = new FeedbackAnalysis[records.Length];
        Parallel.For(0, records.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var feedback = records[i].Feedback;
            var fft = feedback.FftRating.ForAnalysis();
            var good = string.IsNullOrWhiteSpace(feedback.WhatWasGood) ? null : analyzer.Analyze(new TextToAnalyse(feedback.WhatWasGood, QuestionKind.WhatWasGood, fft));
            var improve = string.IsNullOrWhiteSpace(feedback.WhatCouldImprove) ? null : analyzer.Analyze(new TextToAnalyse(feedback.WhatCouldImprove, QuestionKind.WhatCouldImprove, fft));
            var pending = new PendingAnalysis(records[i].Reference, feedback.WhatWasGood, feedback.WhatCouldImprove, feedback.FftRating, 1);
            analyses[i] = AnalysisComposer.Compose(pending, good, improve, pack.Taxonomy, analyzer.Name, analyzer.ModelVersion, now);
        });

        return records.Select((record, i) => new ImportedFeedback(record, analyses[i], synthetic.StatusFor(record.SubmittedAt, now))).ToArray();
    }
}
