using QualityVoice.Feedback.Outbox;
using QualityVoice.Feedback.Storage;

namespace QualityVoice.Cli.Commands;

/// <summary>
/// <c>./qv reanalyse</c>: analyses again, with the current model, everything a different model analysed (and
/// anything that failed), showing progress. Resumable: an interrupted run leaves the rest queued, and the next
/// run (or the back office's worker) carries on.
/// </summary>
internal static class ReanalyseCommand
{
    public static async Task<int> RunAsync(CommandLine line, IFeedbackStore store, FeedbackAnalyser analyser, TextWriter output, CancellationToken cancellationToken)
    {
        line.OnlyAllow();
        var queued = await store.RequeueForAnalysisAsync(analyser.ModelVersion, cancellationToken);
        var total = await store.CountPendingAnalysisAsync(cancellationToken);
        output.WriteLine($"reanalyse: {queued:N0} items queued for model {analyser.ModelVersion}; {total:N0} to analyse");
        var done = 0;
        while (true)
        {
            var stored = await analyser.AnalyseBatchAsync(256, cancellationToken);
            if (stored == 0)
            {
                break;
            }

            done += stored;
            var percent = total == 0 ? 100 : Math.Min(100, done * 100 / total);
            output.Write($"\rreanalyse: [{new string('#', percent / 5).PadRight(20)}] {done:N0} of {total:N0} ({percent}%)");
        }

        output.WriteLine();
        var left = await store.CountPendingAnalysisAsync(cancellationToken);
        output.WriteLine(left == 0
            ? $"reanalyse: done, {done:N0} items analysed"
            : $"reanalyse: {left:N0} items are claimed by another worker or wait for a retry; run again to finish them");
        return 0;
    }
}
