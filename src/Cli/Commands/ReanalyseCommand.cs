using QualityVoice.Feedback.Outbox;
using QualityVoice.Feedback.Storage;

namespace QualityVoice.Cli.Commands;

/// <summary>
/// <c>./qv reanalyse [--model fast]</c>: queues what an older model (or another analyzer) analysed, and analyses it
/// again here, showing progress on a terminal.
/// </summary>
internal static class ReanalyseCommand
{
    public static async Task<int> RunAsync(CommandLine line, IAnalysisOutbox store, FeedbackAnalyser analyser, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        line.OnlyAllow("model");
        var queued = await store.RequeueForAnalysisAsync(analyser.ModelVersion, time.GetUtcNow(), cancellationToken);
        var total = (await store.ReadAnalysisBacklogAsync(cancellationToken)).Waiting;
        output.WriteLine($"reanalyse: {queued:N0} items queued for model {analyser.ModelVersion}; {total:N0} to analyse");
        var done = 0;
        await CommandProgress.RunAsync("reanalyse", total, async advance =>
        {
            int stored;
            while ((stored = await analyser.AnalyseBatchAsync(256, cancellationToken)) > 0)
            {
                done += stored;
                advance(stored);
            }
        });

        var left = (await store.ReadAnalysisBacklogAsync(cancellationToken)).Waiting;
        output.WriteLine(left == 0
            ? $"reanalyse: done, {done:N0} items analysed"
            : $"reanalyse: {left:N0} items are claimed by another worker or wait for a retry; run again to finish them");
        return 0;
    }
}
