using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>
/// Writes new feedback with group commit: submissions queue here, one writer takes as many as are waiting
/// (up to <see cref="MaxBatch"/>), writes them in one transaction with <c>synchronous=FULL</c>, and only then
/// acknowledges each. One fsync then covers many submissions, which is what lets a single SQLite file take
/// a thousand durable submissions a second (docs/adr/0004-durable-intake-on-sqlite.md). While another process
/// holds the write lock, a batch waits at most <see cref="SqliteDatabase.IntakeLockWait"/>, then every submission in
/// it is refused as <see cref="StoreUnavailableException"/> (503 with <c>Retry-After</c>).
/// </summary>
internal sealed class SqliteIntakeWriter : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private const int SQLITE_BUSY = 5;
    private const int SQLITE_LOCKED = 6;

    private readonly SqliteDatabase _database;
    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(
        new BoundedChannelOptions(8192) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Task _writer;

    public SqliteIntakeWriter(SqliteDatabase database)
    {
        _database = database;
        _writer = Task.Run(WriteLoopAsync);
    }

    public async Task<AddResult> AddAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(record);
        await _queue.Writer.WriteAsync(pending, cancellationToken);

        // Once queued, the write goes ahead even if the caller gives up: the caller's repeat with the same
        // idempotency key will then find it.
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        SqliteConnection? connection = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync())
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                try
                {
                    connection ??= await _database.OpenAsync(_database.IntakeLockWait);
                    await WriteBatchAsync(connection, batch);
                }
                catch (SqliteException busy) when (busy.SqliteErrorCode is SQLITE_BUSY or SQLITE_LOCKED)
                {
                    // Another process has held the write lock for longer than the intake waits: the whole batch is
                    // answered 503 at once (each alone would wait again), and readiness says why.
                    _database.NoteLockTimeout();
                    var unavailable = new StoreUnavailableException(
                        $"The database's write lock was held by another process for more than {_database.IntakeLockWait.TotalSeconds:0.#} s, so nothing was saved.", busy);
                    foreach (var waiting in batch)
                    {
                        waiting.Completion.TrySetException(unavailable);
                    }

                    connection = await ResetAsync(connection);
                }
                catch (Exception) when (batch.Count > 1)
                {
                    // One bad record must not fail its neighbours: write each alone so only it fails.
                    foreach (var single in batch)
                    {
                        try
                        {
                            connection ??= await _database.OpenAsync(_database.IntakeLockWait);
                            await WriteBatchAsync(connection, [single]);
                        }
                        catch (Exception failure)
                        {
                            single.Completion.TrySetException(failure);
                            connection = await ResetAsync(connection);
                        }
                    }
                }
                catch (Exception failure)
                {
                    batch[0].Completion.TrySetException(failure);
                    connection = await ResetAsync(connection);
                }

                batch.Clear();
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task<SqliteConnection?> ResetAsync(SqliteConnection? connection)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        return null;
    }

    private async Task WriteBatchAsync(SqliteConnection connection, List<PendingWrite> batch)
    {
        var results = new AddResult[batch.Count];
        await using (var transaction = connection.BeginTransaction(deferred: false))
        {
            await using var commands = new IntakeCommands(connection, transaction);
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] = await commands.AddAsync(batch[i].Record);
            }

            await transaction.CommitAsync();
        }

        // Acknowledge only after the commit is durable, and only if it went to the file at the database's path: a
        // connection keeps writing to a file that was deleted or moved away, and what it writes is then lost.
        _database.EnsureSameFile();
        _database.NoteWritten();
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(results[i]);
        }
    }

    private sealed class PendingWrite(FeedbackRecord record)
    {
        public FeedbackRecord Record { get; } = record;

        public TaskCompletionSource<AddResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
