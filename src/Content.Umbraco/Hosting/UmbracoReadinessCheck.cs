using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QualityVoice.Content.Umbraco.Hosting;

/// <summary>Degraded while the last read from Umbraco failed and the last good content is being served.</summary>
internal sealed class UmbracoReadinessCheck(UmbracoContentSource source) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(source.Problem is { } problem
            ? HealthCheckResult.Degraded($"serving the Umbraco content read at {source.ReadAt:u}: {problem}")
            : HealthCheckResult.Healthy($"Umbraco content read at {source.ReadAt:u}"));
}
