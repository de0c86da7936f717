using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>
/// Ready when the database file opens, every migration has been applied, and writes are not giving up on a lock
/// another process holds.
/// </summary>
public sealed class SqliteReadinessCheck(SqliteDatabase database) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (database.FileProblem() is { } problem)
        {
            return HealthCheckResult.Unhealthy($"{problem}: nothing is being acknowledged until it is back or the app restarts.");
        }

        if (database.LockProblem(TimeSpan.FromSeconds(15)) is { } locked)
        {
            return HealthCheckResult.Unhealthy(locked + ".");
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
