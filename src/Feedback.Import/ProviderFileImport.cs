using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using CsvHelper;
using QualityVoice.Content;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.Storage;

namespace QualityVoice.Feedback.Import;

/// <summary>
/// Loads a provider's Friends and Family Test file into the feedback store: each good row becomes an item with its
/// own date and collection mode, its analysis pending for the worker, no passphrase and no contact address (so it
/// is never e-mailed); each bad row goes to the rejected-rows report with its reason, and the good rows go on. The
/// file is read as a stream a batch at a time, so memory stays flat however long it is. The supplier's row id,
/// scoped to the client, is the idempotency key: importing a file again imports nothing twice.
/// </summary>
public sealed class ProviderFileImport(IFeedbackStore store, IContentSource content, IRandomSource random, TimeProvider time)
{
    /// <summary>Rows read and handed to the store at a time (the file is held in memory this many rows at a time).</summary>
    public const int BatchSize = 20_000;

    /// <summary>The longest row read: a row longer than this is a broken file, not feedback.</summary>
    public const int MaxRowBytes = 256 * 1024;

    // Imported items have no passphrase: nobody was given one, so no hash can match.
    private static readonly byte[] NoPassphrase = [];

    /// <summary>Imports <paramref name="input"/> (CSV, UTF-8) through <paramref name="profile"/>.</summary>
    /// <param name="input">The file's bytes, read once from the start.</param>
    /// <param name="profile">What its columns hold.</param>
    /// <param name="options">The client the row ids belong to, and whether to write anything.</param>
    /// <param name="rejected">Where the rejected-rows report is written (CSV: row, row id, reason, detail), or null.</param>
    /// <param name="progress">Told how many bytes of the input have been read, after each batch.</param>
    /// <param name="cancellationToken">
    /// Stops after the batch in hand; what was committed stays written, and importing the file again writes the rest.
    /// </param>
    public async Task<ImportSummary> RunAsync(
        Stream input, ImportProfile profile, ImportOptions options, TextWriter? rejected, Action<long>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var csv = CsvReader.Create(input, new CsvReaderOptions { HasHeader = true, Separator = profile.Separator, MaxRecordSize = MaxRowBytes }, leaveOpen: true);
        IReadOnlyList<string> header;
        try
        {
            header = csv.Headers.ToArray();
        }
        catch (CsvFormatException unreadable)
        {
            throw new ImportFileException($"The file's first line cannot be read as CSV headings: {unreadable.Message}");
        }

        if (header.Count == 0)
        {
            throw new ImportFileException("The file is empty: its first line should be the column headings.");
        }

        // The content as it is now: from Umbraco it may change while the app runs, and is not read until after start-up.
        var rows = new ProviderRows(profile, header, content.Current, time);
        var importedAt = time.GetUtcNow();
        using var report = rejected is null ? null : CsvWriter.Create(rejected, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        if (report is not null)
        {
            foreach (var heading in new[] { "row", "rowId", "reason", "detail" })
            {
                report.WriteField(heading);
            }

            report.EndRecord();
        }

        var scope = $"import:{options.Client ?? profile.Name}";
        var counts = new Counts();

        // Reading and checking rows takes about a quarter of the time: the next batch is read while the last is written.
        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(
            async () =>
            {
                try
                {
                    await using var items = options.DryRun ? null : await store.OpenBatchWriterAsync(options.RowsPerTransaction, cancellationToken);
                    await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
                    {
                        await WriteAsync(items, batch.Records, counts, cancellationToken);
                        progress?.Invoke(batch.BytesRead);
                    }

                    if (items is not null)
                    {
                        await items.CommitAsync(cancellationToken);
                    }
                }
                catch (Exception failure)
                {
                    // The reader stops at its next batch, and the failure is the import's.
                    batches.Writer.TryComplete(failure);
                    throw;
                }
            },
            cancellationToken);

        long read = 0;
        ImportFileException? malformed = null;
        try
        {
            var records = new List<FeedbackRecord>(BatchSize);
            var keysInBatch = new HashSet<string>(StringComparer.Ordinal);
            while (TryRead(csv, read, out malformed))
            {
                read++;
                var fieldCount = csv.FieldCount;
                switch (rows.Read(column => column < fieldCount ? csv.GetString(column) : string.Empty))
                {
                    case ProviderRow.Accepted row when !keysInBatch.Add(row.RowId):
                        // The same row twice close together in the file: the first stands, as a later import's would.
                        counts.RepeatedInFile++;
                        break;
                    case ProviderRow.Accepted row:
                        var key = new IdempotencyKey(scope, row.RowId).Hash();
                        records.Add(new FeedbackRecord(row.Feedback, FeedbackReference.Create(FeedbackReference.FeedbackPrefix, random), NoPassphrase, row.GivenAt, null, key, null) { ReceivedAt = importedAt });
                        break;
                    case ProviderRow.Rejected row:
                        counts.Reject(row.Reason);
                        if (report is not null)
                        {
                            report.WriteField(read.ToString(CultureInfo.InvariantCulture));
                            report.WriteField(row.RowId ?? string.Empty);
                            report.WriteField(row.Reason);
                            report.WriteField(row.Detail);
                            report.EndRecord();
                        }

                        break;
                }

                if (records.Count == BatchSize)
                {
                    await batches.Writer.WriteAsync(new Batch(records, csv.ByteOffset), cancellationToken);
                    records = new List<FeedbackRecord>(BatchSize);
                    keysInBatch.Clear();
                }
            }

            // The rows read before a malformed one are written too, so that the message's "the rows before it were
            // imported" is true.
            await batches.Writer.WriteAsync(new Batch(records, malformed is null && input.CanSeek ? input.Length : csv.ByteOffset), cancellationToken);
        }
        catch (ChannelClosedException)
        {
            await writer;
            throw;
        }
        finally
        {
            batches.Writer.TryComplete();
            report?.Flush();
        }

        await writer;
        if (malformed is not null)
        {
            throw malformed;
        }

        return new ImportSummary(read, counts.Imported, counts.AlreadyImported + counts.RepeatedInFile, counts.Rejected, counts.ByReason, options.DryRun, clock.Elapsed);
    }

    /// <summary>Reads the next row; false at the end of the file, or at a row that is not CSV (with why).</summary>
    private static bool TryRead(CsvReader csv, long rowsSoFar, out ImportFileException? malformed)
    {
        malformed = null;
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException problem)
        {
            malformed = new ImportFileException($"The file cannot be read as CSV after row {rowsSoFar:N0}: {problem.Message} The rows before it were imported; fix the file and import it again.");
            return false;
        }
    }

    private async Task WriteAsync(IFeedbackBatchWriter? items, List<FeedbackRecord> batch, Counts counts, CancellationToken cancellationToken)
    {
        if (items is null)
        {
            counts.Imported += batch.Count;
            return;
        }

        // In date order, most of the store's indexes (by date within status, service, answer…) are written page by page
        // rather than at random. A new reference that happens to be taken (about once in 10^11) is made again; the
        // rest of the batch stands.
        batch.Sort((a, b) => a.SubmittedAt.CompareTo(b.SubmittedAt));
        IReadOnlyList<FeedbackRecord> pending = batch;
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            if (attempt == 5)
            {
                throw new InvalidOperationException("Could not find unused references in five attempts; the random source is broken.");
            }

            var results = await items.AddAsync(pending, cancellationToken);
            var again = new List<FeedbackRecord>();
            for (var i = 0; i < results.Count; i++)
            {
                switch (results[i].Outcome)
                {
                    case AddOutcome.Stored:
                        counts.Imported++;
                        break;
                    case AddOutcome.Repeated:
                        counts.AlreadyImported++;
                        break;
                    default:
                        again.Add(pending[i] with { Reference = FeedbackReference.Create(FeedbackReference.FeedbackPrefix, random) });
                        break;
                }
            }

            pending = again;
        }
    }

    private sealed record Batch(List<FeedbackRecord> Records, long BytesRead);

    // Rejections and repeats within a batch are counted by the reader, the rest by the writer: no field has two writers.
    private sealed class Counts
    {
        public long RepeatedInFile { get; set; }

        public long Imported { get; set; }

        public long AlreadyImported { get; set; }

        public long Rejected { get; private set; }

        public SortedDictionary<string, long> ByReason { get; } = new(StringComparer.Ordinal);

        public void Reject(string reason)
        {
            Rejected++;
            ByReason[reason] = ByReason.GetValueOrDefault(reason) + 1;
        }
    }
}

/// <summary>How to run an import.</summary>
/// <param name="Client">Whose row ids these are (a supplier's name); the profile's name when not given.</param>
/// <param name="DryRun">Read and check every row, and write nothing.</param>
/// <param name="RowsPerTransaction">
/// The most rows the store keeps in one transaction (SQLite): larger is faster over a large store, but the portal's
/// intake waits for the write lock for at most <c>Feedback:IntakeLockWait</c> (2 s) before it answers 503 with
/// Retry-After, so an import beside a busy portal keeps its transactions short.
/// </param>
public sealed record ImportOptions(string? Client = null, bool DryRun = false, int RowsPerTransaction = ImportOptions.LiveRowsPerTransaction)
{
    /// <summary>Rows per transaction that keep each one under the intake's wait (about 1.3 s over a million items): the back office's uploads.</summary>
    public const int LiveRowsPerTransaction = 20_000;

    /// <summary>Rows per transaction for a command-line import: a provider's month in one, and a million-row backfill about 1.4 times as fast (docs/performance.md).</summary>
    public const int BulkRowsPerTransaction = 200_000;
}

/// <summary>What an import did.</summary>
/// <param name="Rows">Rows read, the heading not counted.</param>
/// <param name="Imported">Rows written as new items (or, on a dry run, that would have been).</param>
/// <param name="AlreadyImported">Rows whose id was imported before, and were left as they were.</param>
/// <param name="Rejected">Rows that could not be imported.</param>
/// <param name="RejectedByReason">How many rows were rejected for each reason.</param>
/// <param name="DryRun">Whether nothing was written.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record ImportSummary(
    long Rows, long Imported, long AlreadyImported, long Rejected, IReadOnlyDictionary<string, long> RejectedByReason, bool DryRun, TimeSpan Elapsed)
{
    /// <summary>The summary in a sentence, for the command line and the audit log (counts only, never text).</summary>
    public override string ToString()
    {
        var reasons = RejectedByReason.Count == 0 ? string.Empty : $" ({string.Join(", ", RejectedByReason.Select(r => $"{r.Value:N0} {r.Key}"))})";
        return $"{Rows:N0} rows read: {Imported:N0} {(DryRun ? "would be imported" : "imported")}, {AlreadyImported:N0} already imported, {Rejected:N0} rejected{reasons}";
    }
}

/// <summary>A file that cannot be read as a provider's CSV; the message says why.</summary>
public sealed class ImportFileException(string message) : Exception(message);
