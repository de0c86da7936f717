using System.Diagnostics;
using Microsoft.Extensions.Logging;
using QualityVoice.Analysis;
using QualityVoice.Feedback.Operations;
using QualityVoice.Feedback.Storage;

namespace QualityVoice.Feedback.Outbox;

/// <summary>
/// Analyses what waits in the outbox, a batch at a time: claims items under a lease, runs the analyzer on their
/// answers, and stores each result only if the lease is still its own. A crash mid-batch leaves the items
/// claimed until the lease runs out; then they are claimed again. Nothing is lost, nothing stored twice. In an app
/// that also takes submissions, the analysis itself runs on a <see cref="LowPriorityScheduler"/>.
/// </summary>
public sealed partial class FeedbackAnalyser(
    IAnalysisOutbox store,
    ITextAnalyzer analyzer,
    ThemeTaxonomy taxonomy,
    TimeProvider time,
    ILogger<FeedbackAnalyser> logger,
    LowPriorityScheduler? analysisScheduler = null)
{
    /// <summary>Claims after which an item's analysis is given up (until <c>./qv reanalyse</c>).</summary>
    public const int MaxAttempts = 5;

    /// <summary>How long a claim lasts.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>The analyzer's model version, which a re-analysis compares against.</summary>
    public string ModelVersion => analyzer.ModelVersion;

    /// <summary>The intake spans of the items claimed, as links (an item without one, or with one unreadable, has none).</summary>
    public static IEnumerable<ActivityLink> IntakeSpans(IEnumerable<PendingAnalysis> claimed) =>
        claimed
            .Select(item => ActivityContext.TryParse(item.TraceParent, null, out var context) ? context : (ActivityContext?)null)
            .OfType<ActivityContext>()
            .Select(context => new ActivityLink(context));

    /// <summary>Analyses up to <paramref name="batchSize"/> pending items; returns how many were stored.</summary>
    public async Task<int> AnalyseBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        var lease = Guid.NewGuid().ToString("N");
        var claimed = await store.ClaimForAnalysisAsync(batchSize, lease, time.GetUtcNow(), Lease, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        // Each item's intake span is linked, so a trace viewer goes from a request to the analysis of what it brought.
        using var activity = QualityVoiceTelemetry.Traces.StartActivity(
            "analysis.batch", ActivityKind.Internal, parentContext: default, links: IntakeSpans(claimed));
        activity?.SetTag("qualityvoice.analyzer", analyzer.Name);
        activity?.SetTag("qualityvoice.items", claimed.Count);

        // One request for the whole batch: each answer that has words is one text.
        var texts = new List<TextToAnalyse>();
        var positions = new List<(int? Good, int? Improve)>();
        foreach (var item in claimed)
        {
            var fft = item.FftRating.ForAnalysis();
            positions.Add((Add(texts, new TextToAnalyse(item.WhatWasGood ?? string.Empty, QuestionKind.WhatWasGood, fft)), Add(texts, new TextToAnalyse(item.WhatCouldImprove ?? string.Empty, QuestionKind.WhatCouldImprove, fft))));
        }

        IReadOnlyList<TextAnalysis> results;
        try
        {
            results = texts.Count == 0 ? []
                : analysisScheduler is null ? await analyzer.AnalyzeAsync(texts, cancellationToken)
                : await Task.Factory.StartNew(() => analyzer.AnalyzeAsync(texts, cancellationToken), cancellationToken, TaskCreationOptions.None, analysisScheduler).Unwrap();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Leave the leases to run out so the items are tried again; give up on any tried too often.
            LogAnalyzerFailed(logger, analyzer.Name, claimed.Count, exception.GetType().Name);
            QualityVoiceTelemetry.AnalysisFailures.Add(1);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, exception.GetType().Name);
            foreach (var item in claimed.Where(item => item.Attempts >= MaxAttempts))
            {
                await store.MarkAnalysisFailedAsync(item.Reference, lease, cancellationToken);
            }

            return 0;
        }

        var now = time.GetUtcNow();
        var analyses = new List<AnalysedItem>(claimed.Count);
        for (var i = 0; i < claimed.Count; i++)
        {
            var (good, improve) = positions[i];
            analyses.Add(new AnalysedItem(claimed[i].Reference, AnalysisComposer.Compose(
                claimed[i],
                good is { } g ? results[g] : null,
                improve is { } m ? results[m] : null,
                taxonomy,
                analyzer.Name,
                analyzer.ModelVersion,
                now)));
        }

        // One write for the batch: the intake, which shares the database, waits for the lock once, not once an item.
        var stored = await store.SaveAnalysesAsync(lease, analyses, cancellationToken);
        QualityVoiceTelemetry.Analysed.Add(stored);
        return stored;
    }

    private static int? Add(List<TextToAnalyse> texts, TextToAnalyse answer)
    {
        if (string.IsNullOrWhiteSpace(answer.Text))
        {
            return null;
        }

        texts.Add(answer);
        return texts.Count - 1;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Analyzer} analyzer failed on a batch of {Count} items ({Error}); they will be tried again")]
    private static partial void LogAnalyzerFailed(ILogger logger, string analyzer, int count, string error);
}
