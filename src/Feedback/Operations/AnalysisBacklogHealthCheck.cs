using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using QualityVoice.Feedback.Outbox;

namespace QualityVoice.Feedback.Operations;

/// <summary>
/// Degraded when the item that has waited longest for analysis has waited longer than
/// <see cref="OperationsOptions.AnalysisBacklogAgeLimit"/>: its urgency is not known until it is analysed. Degraded,
/// not unhealthy, so that a load balancer keeps sending work to an instance that is only behind; the alert on it is in
/// docs/operations.md.
/// </summary>
public sealed class AnalysisBacklogHealthCheck(IAnalysisOutbox outbox, TimeProvider time, IOptions<OperationsOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var backlog = await outbox.ReadAnalysisBacklogAsync(cancellationToken);
        var waited = backlog.OldestWait(time.GetUtcNow());
        var limit = options.Value.AnalysisBacklogAgeLimit;
        return waited > limit
            ? HealthCheckResult.Degraded($"{backlog.Waiting} items wait for analysis; the oldest has waited {(int)waited.TotalMinutes} minutes, more than the {(int)limit.TotalMinutes} allowed.")
            : HealthCheckResult.Healthy($"{backlog.Waiting} items wait for analysis.");
    }
}
