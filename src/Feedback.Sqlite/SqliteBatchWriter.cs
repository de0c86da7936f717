using Microsoft.Data.Sqlite;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>
/// Adds batches of new items on one connection, in transactions of up to a given number of rows. Each transaction
/// rewrites every page it touched, and the reference and idempotency indexes are written at random places: over a
/// store of a million items a transaction of 20,000 rows touches most of their pages, so fewer, larger transactions
/// write each page fewer times (measured in docs/performance.md). While a transaction is open it holds the write lock,
/// and the portal's intake waits for it at most <see cref="SqliteDatabase.IntakeLockWait"/> before answering 503.
/// </summary>
internal sealed class SqliteBatchWriter : IFeedbackBatchWriter
{
    private readonly SqliteConnection _connection;
    private readonly SqliteDatabase _database;
    private readonly int _rowsPerTransaction;
    private SqliteTransaction? _transaction;
    private IntakeCommands? _commands;
    private int _rowsInTransaction;

    private SqliteBatchWriter(SqliteConnection connection, SqliteDatabase database, int rowsPerTransaction)
    {
        _connection = connection;
        _database = database;
        _rowsPerTransaction = rowsPerTransaction;
    }

    public static async Task<SqliteBatchWriter> OpenAsync(SqliteDatabase database, int rowsPerTransaction, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerTransaction, 1);
        var connection = await database.OpenAsync(cancellationToken);

        // A batch inserts into a dozen indexes at random places: a page cache of up to 256 MB keeps them in memory from
        // one batch to the next (128 MB made a million-row import a fifth slower), and the statement journal (each
        // insert's undo, needed for ON CONFLICT and the triggers) stays off the disk. The pooled connection gets its
        // usual settings back when the writer is done (SQLite's defaults), which frees the rest.
        await using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }

        return new SqliteBatchWriter(connection, database, rowsPerTransaction);
    }

    public async Task<IReadOnlyList<AddResult>> AddAsync(IReadOnlyList<FeedbackRecord> batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_transaction is null)
        {
            _transaction = _connection.BeginTransaction(deferred: false);
            _commands = new IntakeCommands(_connection, _transaction);
        }

        var results = new AddResult[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            results[i] = await _commands!.AddAsync(batch[i]);
        }

        _rowsInTransaction += batch.Count;
        if (_rowsInTransaction >= _rowsPerTransaction)
        {
            await CommitAsync(cancellationToken);
        }

        return results;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_transaction is null)
        {
            return;
        }

        await _transaction.CommitAsync(cancellationToken);
        await EndTransactionAsync();
        _database.NoteWritten();
    }

    public async ValueTask DisposeAsync()
    {
        // Whatever was not committed is rolled back with the transaction.
        await EndTransactionAsync();
        try
        {
            await using var pragma = _connection.CreateCommand();
            pragma.CommandText = "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT;";
            await pragma.ExecuteNonQueryAsync();
        }
        catch (SqliteException)
        {
            // A connection that cannot take a pragma (the import failed on it) is not given back to the pool with the
            // writer's cache, and the import's own error is the one that surfaces.
            SqliteConnection.ClearPool(_connection);
        }

        await _connection.DisposeAsync();
    }

    private async Task EndTransactionAsync()
    {
        if (_commands is not null)
        {
            await _commands.DisposeAsync();
            _commands = null;
        }

        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
            _transaction = null;
        }

        _rowsInTransaction = 0;
    }
}
