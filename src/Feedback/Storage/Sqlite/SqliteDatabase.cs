using Microsoft.Data.Sqlite;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>
/// One SQLite database file: opens connections with the settings every connection needs, and brings the
/// schema up to date from the versioned SQL scripts embedded beside its store.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

    /// <summary>Describes a database file and the migration scripts that define its schema.</summary>
    public SqliteDatabase(string path, SqliteMigrations migrations)
    {
        Path = System.IO.Path.GetFullPath(path);
        Migrations = migrations;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>The scripts that define the schema.</summary>
    public SqliteMigrations Migrations { get; }

    /// <summary>
    /// Opens a connection in WAL mode with <c>synchronous=FULL</c>, so that a committed transaction survives
    /// a crash or power cut, and a busy timeout, so that the portal and back office can share the file.
    /// </summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the file if needed, switches it to WAL and applies every migration not yet applied.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using var connection = await OpenAsync(cancellationToken);
        await SqliteMigrator.ApplyAsync(connection, Migrations, cancellationToken);
    }

    /// <summary>Whether the file can be opened and its schema is at the latest version (for readiness checks).</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path))
        {
            return false;
        }

        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteMigrator.CurrentVersionAsync(connection, cancellationToken) == Migrations.LatestVersion;
    }
}
