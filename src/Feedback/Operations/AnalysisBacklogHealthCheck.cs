using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using QualityVoice.Feedback.Outbox;

namespace QualityVoice.Feedback.Operations;

/// <summary>
/// Degraded when the item that has waited longest for analysis has waited longer than
/// <see cref="OperationsOptions.AnalysisBacklogAgeLimit"/>: its urgency is not known until it is analysed. Degraded,
/// not unhealthy, so that a load balancer keeps sending work to an instance that is only behind; the alert on it is in
/// docs/operations.md. It reads the backlog <see cref="OperationsSnapshot"/> last read (every 30 seconds), so that a
/// load balancer's probes, every minute on every instance, cost the store nothing.
/// </summary>
public sealed class AnalysisBacklogHealthCheck(OperationsSnapshot snapshot, TimeProvider time, IOptions<OperationsOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (snapshot.Backlog is not { } backlog)
        {
            return Task.FromResult(HealthCheckResult.Healthy("The analysis backlog has not been read yet."));
        }

        var waited = backlog.OldestWait(time.GetUtcNow());
        var limit = options.Value.AnalysisBacklogAgeLimit;
        return Task.FromResult(waited > limit
            ? HealthCheckResult.Degraded($"{backlog.Waiting} items wait for analysis; the oldest has waited {(int)waited.TotalMinutes} minutes, more than the {(int)limit.TotalMinutes} allowed.")
            : HealthCheckResult.Healthy($"{backlog.Waiting} items wait for analysis."));
    }
}
