using Microsoft.Data.Sqlite;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>
/// One SQLite database file: opens connections with the settings every connection needs, and brings the
/// schema up to date from the versioned SQL scripts embedded beside its store.
/// </summary>
public sealed class SqliteDatabase
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    private readonly string _connectionString;
    private DatabaseFileIdentity? _openedFile;
    private long _lastLockTimeout = long.MinValue;

    /// <summary>Describes a database file and the migration scripts that define its schema.</summary>
    public SqliteDatabase(string path, SqliteMigrations migrations)
    {
        Path = System.IO.Path.GetFullPath(path);
        Migrations = migrations;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            // Never create: MigrateAsync makes the file (readable by its owner only); a connection opened after the
            // file was removed then fails instead of quietly starting an empty database in its place.
            Mode = SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>The scripts that define the schema.</summary>
    public SqliteMigrations Migrations { get; }

    /// <summary>How long the intake's writes wait for the write lock before they give up (and answer 503).</summary>
    public TimeSpan IntakeLockWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Opens a connection in WAL mode with <c>synchronous=FULL</c>, so that a committed transaction survives
    /// a crash or power cut, a busy timeout, so that the portal and back office can share the file, and
    /// <c>secure_delete</c>, so that what is deleted or overwritten (an address someone withdrew) is zeroed on
    /// disk rather than left in free pages.
    /// </summary>
    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default) => OpenAsync(LockWait, cancellationToken);

    /// <summary>
    /// Opens a connection as <see cref="OpenAsync(CancellationToken)"/> does, whose statements wait at most
    /// <paramref name="lockWait"/> for a lock another connection holds (SQLite's busy timeout, and the driver's own
    /// retries bounded to the same), then fail with <c>SQLITE_BUSY</c>.
    /// </summary>
    public async Task<SqliteConnection> OpenAsync(TimeSpan lockWait, CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString) { DefaultTimeout = Math.Max(1, (int)Math.Ceiling(lockWait.TotalSeconds)) };
        try
        {
            await connection.OpenAsync(cancellationToken);
            SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, (int)lockWait.TotalMilliseconds);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates the file if needed (in a folder and with permissions that let only the apps' account read it),
    /// switches it to WAL, applies every migration not yet applied, and remembers which file it is.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        PrivateFiles.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        if (!File.Exists(Path))
        {
            try
            {
                // SQLite takes an empty file as a new database, and makes its -wal and -shm files with its permissions.
                await PrivateFiles.CreateNew(Path).DisposeAsync();
            }
            catch (IOException) when (File.Exists(Path))
            {
                // The other app created it first.
            }
        }

        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            PrivateFiles.TightenFile(file);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await SqliteMigrator.ApplyAsync(connection, Migrations, cancellationToken);
        _openedFile = DatabaseFileIdentity.Of(Path);
    }

    /// <summary>
    /// What is wrong with the file at <see cref="Path"/>, if anything: it was removed, or replaced by another file
    /// since this app migrated it (a deleted or moved data directory). Connections opened before then would go on
    /// writing to the old file, which no restart would find, so nothing may be acknowledged while this says so.
    /// </summary>
    public string? FileProblem()
    {
        if (_openedFile is not { } opened)
        {
            return null;
        }

        var now = DatabaseFileIdentity.Of(Path);
        return now is null ? $"{System.IO.Path.GetFileName(Path)} was removed"
            : now != opened ? $"{System.IO.Path.GetFileName(Path)} was replaced by another file"
            : null;
    }

    /// <summary>Records that a write gave up waiting for the lock (for <see cref="LockProblem"/>).</summary>
    public void NoteLockTimeout() => Interlocked.Exchange(ref _lastLockTimeout, Environment.TickCount64);

    /// <summary>Records that a write got the lock again: the problem is over.</summary>
    public void NoteWritten()
    {
        if (Interlocked.Read(ref _lastLockTimeout) != long.MinValue)
        {
            Interlocked.Exchange(ref _lastLockTimeout, long.MinValue);
        }
    }

    /// <summary>
    /// Whether writes gave up waiting for the write lock in the last <paramref name="within"/>: another process holds
    /// it (a hung back office or command), so acknowledgements are answering 503.
    /// </summary>
    public string? LockProblem(TimeSpan within)
    {
        var last = Interlocked.Read(ref _lastLockTimeout);
        if (last == long.MinValue)
        {
            return null;
        }

        var ago = TimeSpan.FromMilliseconds(Environment.TickCount64 - last);
        return ago <= within
            ? $"{System.IO.Path.GetFileName(Path)}: a write waited more than {IntakeLockWait.TotalSeconds:0.#} s for the write lock {ago.TotalSeconds:0} s ago; another process (the back office or a command) is holding it, so submissions are answered 503 until it lets go"
            : null;
    }

    /// <summary>Throws <see cref="StoreUnavailableException"/> when <see cref="FileProblem"/> finds one.</summary>
    public void EnsureSameFile()
    {
        if (FileProblem() is { } problem)
        {
            throw new StoreUnavailableException($"{problem} after the app opened it, so nothing can be saved; restore it or restart the app with its data directory in place.");
        }
    }

    /// <summary>Whether the file can be opened and its schema is at the latest version (for readiness checks).</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path) || FileProblem() is not null)
        {
            return false;
        }

        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteMigrator.CurrentVersionAsync(connection, cancellationToken) == Migrations.LatestVersion;
    }
}
