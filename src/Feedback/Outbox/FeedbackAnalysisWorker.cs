using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace QualityVoice.Feedback.Outbox;

/// <summary>Runs <see cref="FeedbackAnalyser"/> in the background for as long as the host runs.</summary>
public sealed partial class FeedbackAnalysisWorker(FeedbackAnalyser analyser, TimeProvider time, ILogger<FeedbackAnalysisWorker> logger) : BackgroundService
{
    /// <summary>Items analysed at a time.</summary>
    public const int BatchSize = 32;

    /// <summary>How long to wait when the outbox is empty.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backOff = PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await analyser.AnalyseBatchAsync(BatchSize, stoppingToken) > 0)
                {
                    backOff = PollInterval;
                    continue;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The store is unreachable: wait longer each time, up to a minute.
                LogWorkerFailed(logger, exception.GetType().Name);
                backOff = TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }

            try
            {
                await Task.Delay(backOff, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The analysis worker could not reach the feedback store ({Error}); it will try again")]
    private static partial void LogWorkerFailed(ILogger logger, string error);
}
