using Microsoft.Extensions.Hosting;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>
/// Brings each database's schema up to date as the host starts, before the server takes requests.
/// </summary>
public sealed class SqliteMigrationHostedService(IEnumerable<SqliteDatabase> databases) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var database in databases)
        {
            await database.MigrateAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
