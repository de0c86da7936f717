using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QualityVoice.Feedback.Outbox;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Operations;

/// <summary>How often the operations gauges are read from the store, and when a backlog is too old. Bound from <c>Operations</c>.</summary>
public sealed class OperationsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Operations";

    /// <summary>How often the store is read for the gauges (30 seconds).</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an item may wait for analysis before the health check says the app is degraded (15 minutes).</summary>
    public TimeSpan AnalysisBacklogAgeLimit { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Reads, every <see cref="OperationsOptions.SampleInterval"/>, what waits: the analysis backlog and how long its
/// oldest item has waited, and the urgent items nobody has acknowledged and how long the oldest has waited; and
/// publishes them as gauges (a gauge's callback cannot wait for a store, so it reads the last sample).
/// </summary>
public sealed partial class OperationsSnapshot : BackgroundService
{
    private const int UrgentRead = 500;
    private readonly IAnalysisOutbox _outbox;
    private readonly IUrgentQueue _urgent;
    private readonly TimeProvider _time;
    private readonly OperationsOptions _options;
    private readonly ILogger<OperationsSnapshot> _logger;
    private Sample? _last;

    /// <summary>Creates the gauges on the app's own meter.</summary>
    public OperationsSnapshot(IAnalysisOutbox outbox, IUrgentQueue urgent, TimeProvider time, IOptions<OperationsOptions> options, IMeterFactory meters, ILogger<OperationsSnapshot> logger)
    {
        (_outbox, _urgent, _time, _options, _logger) = (outbox, urgent, time, options.Value, logger);
        var meter = meters.Create(QualityVoiceTelemetry.Name);
        meter.CreateObservableGauge("qualityvoice.analysis.backlog", () => _last?.Backlog.Waiting ?? 0, "{item}", "Items waiting for analysis");
        meter.CreateObservableGauge("qualityvoice.analysis.backlog.oldest_age", () => _last?.Backlog.OldestWait(_time.GetUtcNow()).TotalSeconds ?? 0, "s", "How long the longest-waiting item has waited for analysis");
        meter.CreateObservableGauge("qualityvoice.urgent.waiting", () => _last?.UrgentWaiting ?? 0, "{item}", "Urgent items nobody has acknowledged");
        meter.CreateObservableGauge("qualityvoice.urgent.oldest_age", () => _last?.OldestUrgentSince is { } since ? (_time.GetUtcNow() - since).TotalSeconds : 0, "s", "How long the oldest unacknowledged urgent item has waited");
    }

    /// <summary>The analysis backlog as last read; null until the first read.</summary>
    public AnalysisBacklog? Backlog => _last?.Backlog;

    /// <summary>Reads the store now (the first sample is taken as the app starts).</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var backlog = await _outbox.ReadAnalysisBacklogAsync(cancellationToken);
        var unacknowledged = (await _urgent.ListAsync(UrgentRead, cancellationToken)).Where(row => row.Acknowledged is null).ToArray();
        _last = new Sample(backlog, unacknowledged.Length, unacknowledged.Length == 0 ? null : unacknowledged.Min(row => row.UrgentSince));
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.SampleInterval, _time);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSampleFailed(_logger, exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the store for the operations gauges ({Error}); the last figures stand")]
    private static partial void LogSampleFailed(ILogger logger, string error);

    private sealed record Sample(AnalysisBacklog Backlog, int UrgentWaiting, DateTimeOffset? OldestUrgentSince);
}
