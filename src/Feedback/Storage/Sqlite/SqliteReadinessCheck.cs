using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>Ready when the database file opens and every migration has been applied.</summary>
public sealed class SqliteReadinessCheck(SqliteDatabase database) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (database.FileProblem() is { } problem)
        {
            return HealthCheckResult.Unhealthy($"{problem}: nothing is being acknowledged until it is back or the app restarts.");
        }

        try
        {
            return await database.IsReadyAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{Path.GetFileName(database.Path)} is not migrated to version {database.Migrations.LatestVersion}.");
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"{Path.GetFileName(database.Path)} cannot be opened.", exception);
        }
    }
}
