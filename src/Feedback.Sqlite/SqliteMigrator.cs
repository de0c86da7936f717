using System.Globalization;
using Microsoft.Data.Sqlite;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>Applies schema scripts in order, each in its own transaction, recording each in <c>schema_migrations</c>.</summary>
internal static class SqliteMigrator
{
    public static async Task ApplyAsync(SqliteConnection connection, SqliteMigrations migrations, CancellationToken cancellationToken)
    {
        // WAL lets readers work while the writer commits; it is a property of the file, set once.
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        await ExecuteAsync(
            connection,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);",
            cancellationToken);

        foreach (var migration in migrations.Scripts)
        {
            // BEGIN IMMEDIATE takes the write lock first, so when the portal and back office start together
            // the second waits, then sees the version applied and skips it.
            await using var transaction = connection.BeginTransaction(deferred: false);
            if (await CurrentVersionAsync(connection, cancellationToken) >= migration.Version)
            {
                continue;
            }

            await ExecuteAsync(connection, migration.Sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, datetime('now'));";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$name", migration.Name);
            await record.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public static async Task<int> CurrentVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations';";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is a migration script embedded in this assembly, not input.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
