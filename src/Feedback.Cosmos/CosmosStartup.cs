using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>Creates the database and containers, if they are missing, as the host starts.</summary>
public sealed class CosmosStartup(CosmosContainers containers) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => containers.EnsureCreatedAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Ready when the account answers and the given containers exist.</summary>
public sealed class CosmosReadinessCheck(IReadOnlyList<Container> containers) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await CosmosContainers.AnswerAsync(containers, cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The Cosmos DB containers are missing.");
        }
        catch (Exception exception) when (exception is HttpRequestException or Microsoft.Azure.Cosmos.CosmosException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The Cosmos DB account cannot be reached.", exception);
        }
    }
}
