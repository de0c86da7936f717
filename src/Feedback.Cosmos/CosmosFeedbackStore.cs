using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Outbox;
using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// Patient and carer feedback in Azure Cosmos DB, for an ICB that outgrows one machine. Items are partitioned by
/// the month they arrived; every query names one partition, and lists visit the months in turn (an explicit
/// fan-out) rather than asking the service to fan out. Every update is conditional on the ETag read.
/// docs/adr/0006-cosmos-partitioning.md has the design and the RU cost of each operation.
/// </summary>
public sealed class CosmosFeedbackStore : IFeedbackStore
{
    /// <summary>How often the analysis claim looks at every month, not just the last two.</summary>
    public static readonly TimeSpan FullSweepInterval = TimeSpan.FromMinutes(5);

    /// <summary>How many items of a batch are written at once.</summary>
    private const int ConcurrentBatchWrites = 16;

    private readonly Container _feedback;
    private readonly CosmosFeedbackItems _items;
    private readonly CosmosUpdateStore _updates;
    private readonly Container _equality;
    private readonly HashSet<string> _knownMonths = new(StringComparer.Ordinal);
    private readonly Lock _knownMonthsLock = new();
    private DateTimeOffset _lastFullSweep = DateTimeOffset.MinValue;

    /// <summary>Opens the store on containers that exist.</summary>
    public CosmosFeedbackStore(CosmosContainers containers)
    {
        _feedback = containers.Feedback;
        _items = new CosmosFeedbackItems(containers.Feedback);
        _updates = new CosmosUpdateStore(containers);
        _equality = containers.EqualityMonitoring;
    }

    /// <inheritdoc />
    public Task<AddResult> AddAsync(FeedbackRecord record, CancellationToken cancellationToken) =>
        AddAsync(record, claimForever: false, cancellationToken);

    /// <summary>
    /// Writes an item. An API client's key is claimed for <see cref="IdempotencyDocument.Lifetime"/>, the time in which it
    /// retries; a provider file's row id (<paramref name="claimForever"/>) for as long as the item is kept, since the same
    /// file may be imported again months later.
    /// </summary>
    private async Task<AddResult> AddAsync(FeedbackRecord record, bool claimForever, CancellationToken cancellationToken)
    {
        var item = FeedbackDocument.From(record);
        await RegisterMonthAsync(item.Pk, cancellationToken);

        var key = record.IdempotencyKey is null ? null : Convert.ToHexString(record.IdempotencyKey);
        if (key is not null)
        {
            var claim = IdempotencyDocument.Claim(key, record.Reference, record.RequestFingerprint, claimForever);
            if (!await _feedback.TryCreateAsync(claim, claim.Pk, cancellationToken))
            {
                return await RepeatAsync(key, item, cancellationToken);
            }
        }

        var pointer = new ReferenceDocument(record.Reference, ReferenceDocument.PartitionOf(record.Reference), item.Pk, key);
        if (!await _feedback.TryCreateAsync(pointer, pointer.Pk, cancellationToken))
        {
            // A one-in-billions clash with another item's reference: give the key back so the intake can retry.
            if (key is not null)
            {
                await _feedback.DeleteIfPresentAsync(key, IdempotencyDocument.PartitionOf(key), cancellationToken);
            }

            return new AddResult(AddOutcome.ReferenceTaken, record.Reference);
        }

        await _items.TryCreateAsync(item, cancellationToken);
        if (record.Feedback.EqualityMonitoring is { IsEmpty: false } answers)
        {
            var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            await _equality.TryCreateAsync(new EqualityMonitoringDocument(id, item.Pk, record.Feedback.ServiceId, answers), item.Pk, cancellationToken);
        }

        return new AddResult(AddOutcome.Stored, record.Reference);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AddResult>> AddBatchAsync(IReadOnlyList<FeedbackRecord> batch, CancellationToken cancellationToken)
    {
        // No transaction spans partitions: each item is written as the intake writes it, several at once.
        var results = new AddResult[batch.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batch.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentBatchWrites, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var result = await AddAsync(batch[i], claimForever: true, token);
                if (result.Outcome == AddOutcome.Repeated && result.Reference != batch[i].Reference)
                {
                    // A row imported before, or one whose import stopped between its claim and its item: handed over
                    // under the claimed reference, the write is finished if it was not, and nothing changes if it was.
                    await AddAsync(batch[i] with { Reference = result.Reference }, claimForever: true, token);
                }

                results[i] = result;
            });
        return results;
    }

    /// <inheritdoc />
    public Task<IFeedbackBatchWriter> OpenBatchWriterAsync(int rowsPerTransaction, CancellationToken cancellationToken) =>
        Task.FromResult<IFeedbackBatchWriter>(new BatchWriter(this));

    /// <inheritdoc />
    public async Task<int> ImportAsync(IReadOnlyList<ImportedFeedback> batch, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var (record, analysis, status, assignedTo) in batch)
        {
            var item = FeedbackDocument.From(record) with
            {
                Status = status,
                AssignedTo = assignedTo,
                AnalysisState = AnalysisState.Done,
                ModelVersion = analysis.ModelVersion,
                Analysis = analysis,
            };
            await RegisterMonthAsync(item.Pk, cancellationToken);
            var pointer = new ReferenceDocument(item.Id, ReferenceDocument.PartitionOf(item.Id), item.Pk, null);
            if (await _feedback.TryCreateAsync(pointer, pointer.Pk, cancellationToken))
            {
                await _items.TryCreateAsync(item, cancellationToken);
                written++;
            }
        }

        return written;
    }

    /// <inheritdoc />
    public async Task<FeedbackItem?> FindAsync(string reference, CancellationToken cancellationToken) =>
        (await ReadItemAsync(reference, cancellationToken)).Document?.ToItem();

    /// <inheritdoc />
    public async Task<(TrackedFeedback Item, byte[] PassphraseHash)?> FindForTrackingAsync(string reference, CancellationToken cancellationToken)
    {
        var (item, _) = await ReadItemAsync(reference, cancellationToken);
        return item is null
            ? null
            : (new TrackedFeedback(
                item.Id,
                item.SubmittedAt,
                item.ServiceName,
                item.Status,
                item.PublicReply,
                item.PublicReplyAt,
                await _updates.LiveForFeedbackAsync(reference, cancellationToken),
                CanContact: item.ContactEmail is not null,
                Conversation: item.Messages), item.PassphraseHash);
    }

    /// <inheritdoc />
    public async Task<bool> ForgetContactAsync(string reference, CancellationToken cancellationToken)
    {
        // The e-mails not yet sent go first: an address withdrawn is never written to, even if this stops half-way.
        await new CosmosOutbox(_feedback).ForgetAsync(reference, cancellationToken);
        return await _items.ChangeAsync(reference, item => item.ContactEmail is null ? null : item with { ContactEmail = null }, cancellationToken) is not null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingAnalysis>> ClaimForAnalysisAsync(int max, string leaseToken, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        // New items arrive in this month (or, just after midnight on the 1st, the last); a requeue can touch any
        // month, so every few minutes the claim looks at them all.
        var months = await ReadMonthsAsync(cancellationToken);
        if (now - _lastFullSweep >= FullSweepInterval)
        {
            _lastFullSweep = now;
        }
        else
        {
            months = months.TakeLast(2).ToList();
        }

        var query = new QueryDefinition(
            "SELECT TOP @max * FROM c WHERE c.pk = @pk AND c.type = @type AND c.analysisState = @pending AND (NOT IS_DEFINED(c.analysisLeaseUntil) OR IS_NULL(c.analysisLeaseUntil) OR c.analysisLeaseUntil < @now)")
            .WithParameter("@max", max)
            .WithParameter("@type", FeedbackDocument.TypeName)
            .WithParameter("@pending", WireName<AnalysisState>.Of(AnalysisState.Pending))
            .WithParameter("@now", now.ToUnixTimeMilliseconds());

        var claimed = new List<PendingAnalysis>();
        foreach (var month in months)
        {
            await foreach (var item in QueryWithETagsAsync(query, month, cancellationToken))
            {
                var leased = item.Document with
                {
                    AnalysisLease = leaseToken,
                    AnalysisLeaseUntil = (now + leaseFor).ToUnixTimeMilliseconds(),
                    AnalysisAttempts = item.Document.AnalysisAttempts + 1,
                };
                if (await _items.TryReplaceAsync(item.Document, item.ETag, leased, cancellationToken))
                {
                    claimed.Add(new PendingAnalysis(leased.Id, leased.WhatWasGood, leased.WhatCouldImprove, leased.FftRating, leased.AnalysisAttempts, leased.AnalysisTrace));
                    if (claimed.Count == max)
                    {
                        return claimed;
                    }
                }
            }
        }

        return claimed;
    }

    /// <inheritdoc />
    public async Task<int> SaveAnalysesAsync(string leaseToken, IReadOnlyList<AnalysedItem> analyses, CancellationToken cancellationToken)
    {
        // One document each (items of a batch may be in different month partitions, and batches span one partition).
        var stored = 0;
        foreach (var (reference, analysis) in analyses)
        {
            stored += await UpdateUnderLeaseAsync(
                reference,
                leaseToken,
                item => item with
                {
                    AnalysisState = AnalysisState.Done,
                    AnalysisLease = null,
                    AnalysisLeaseUntil = null,
                    ModelVersion = analysis.ModelVersion,
                    Analysis = analysis,
                },
                cancellationToken) ? 1 : 0;
        }

        return stored;
    }

    /// <inheritdoc />
    public Task MarkAnalysisFailedAsync(string reference, string leaseToken, CancellationToken cancellationToken) =>
        UpdateUnderLeaseAsync(
            reference,
            leaseToken,
            item => item with { AnalysisState = AnalysisState.Failed, AnalysisLease = null, AnalysisLeaseUntil = null },
            cancellationToken);

    /// <inheritdoc />
    public async Task<int> RequeueForAnalysisAsync(string modelVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition(
            "SELECT * FROM c WHERE c.pk = @pk AND c.type = @type AND (c.analysisState = @failed OR (c.analysisState = @done AND (NOT IS_DEFINED(c.modelVersion) OR c.modelVersion != @version)))")
            .WithParameter("@type", FeedbackDocument.TypeName)
            .WithParameter("@failed", WireName<AnalysisState>.Of(AnalysisState.Failed))
            .WithParameter("@done", WireName<AnalysisState>.Of(AnalysisState.Done))
            .WithParameter("@version", modelVersion);
        var requeued = 0;
        foreach (var month in await ReadMonthsAsync(cancellationToken))
        {
            await foreach (var item in QueryWithETagsAsync(query, month, cancellationToken))
            {
                var pending = item.Document with
                {
                    AnalysisState = AnalysisState.Pending, AnalysisAttempts = 0, AnalysisLease = null, AnalysisLeaseUntil = null, AnalysisQueuedAt = now,
                };
                if (await _items.TryReplaceAsync(item.Document, item.ETag, pending, cancellationToken))
                {
                    requeued++;
                }
            }
        }

        _lastFullSweep = DateTimeOffset.MinValue;
        return requeued;
    }

    /// <inheritdoc />
    public async Task<AnalysisBacklog> ReadAnalysisBacklogAsync(CancellationToken cancellationToken)
    {
        // Counted here rather than with COUNT() and MIN(): an aggregate is no cheaper in RU for a filtered partition
        // read, and the local protocol peer the tests use does not run aggregates.
        var query = new QueryDefinition("SELECT c.analysisQueuedAt, c.submittedAt FROM c WHERE c.pk = @pk AND c.type = @type AND c.analysisState = @pending")
            .WithParameter("@type", FeedbackDocument.TypeName)
            .WithParameter("@pending", WireName<AnalysisState>.Of(AnalysisState.Pending));
        var count = 0;
        DateTimeOffset? oldest = null;
        foreach (var month in await ReadMonthsAsync(cancellationToken))
        {
            await foreach (var waiting in _feedback.QueryAsync<WaitingForAnalysis>(query, month, cancellationToken))
            {
                count++;
                var queued = waiting.AnalysisQueuedAt ?? waiting.SubmittedAt;
                oldest = oldest is null || queued < oldest ? queued : oldest;
            }
        }

        return new AnalysisBacklog(count, oldest);
    }

    /// <summary>An item waiting for analysis: when it was queued (or, for one stored before that was kept, when it arrived).</summary>
    private sealed record WaitingForAnalysis(DateTimeOffset? AnalysisQueuedAt, DateTimeOffset SubmittedAt);

    /// <inheritdoc />
    public async IAsyncEnumerable<FeedbackItem> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var month in await ReadMonthsAsync(cancellationToken))
        {
            await foreach (var item in _feedback.EveryItemOfMonthAsync(month, cancellationToken))
            {
                yield return item.ToItem();
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FeedbackItem>> ListNewestAsync(int count, CancellationToken cancellationToken)
    {
        var items = new List<FeedbackItem>(count);
        var months = await ReadMonthsAsync(cancellationToken);
        for (var i = months.Count - 1; i >= 0 && items.Count < count; i--)
        {
            var query = new QueryDefinition("SELECT TOP @count * FROM c WHERE c.pk = @pk AND c.type = @type ORDER BY c.sortKey DESC")
                .WithParameter("@count", count - items.Count)
                .WithParameter("@type", FeedbackDocument.TypeName);
            await foreach (var item in _feedback.QueryAsync<FeedbackDocument>(query, months[i], cancellationToken))
            {
                items.Add(item.ToItem());
            }
        }

        return items;
    }

    /// <summary>
    /// A repeat of an idempotency key. The claim holds only the first request's reference and keyed fingerprint
    /// (no copy of the item, so nothing personal outlives the item), so the first write is finished from the
    /// repeat itself: the intake hands the same request over again under the claimed reference when the
    /// fingerprints match, and that call stores the pointer and item if the first writer stopped part-way.
    /// </summary>
    private async Task<AddResult> RepeatAsync(string key, FeedbackDocument repeat, CancellationToken cancellationToken)
    {
        var (claim, _) = await _feedback.TryReadAsync<IdempotencyDocument>(key, IdempotencyDocument.PartitionOf(key), cancellationToken);
        if (claim is null)
        {
            // The first request gave the key back after a reference clash and is retrying with another reference.
            throw new StoreUnavailableException("The first request with this idempotency key is still being written.");
        }

        if (claim.Reference == repeat.Id)
        {
            var pointer = new ReferenceDocument(claim.Reference, ReferenceDocument.PartitionOf(claim.Reference), repeat.Pk, key);
            if (!await _feedback.TryCreateAsync(pointer, pointer.Pk, cancellationToken))
            {
                var (existing, _) = await _feedback.TryReadAsync<ReferenceDocument>(pointer.Id, pointer.Pk, cancellationToken);
                pointer = existing?.IdempotencyKey == key
                    ? existing
                    : throw new StoreUnavailableException("The first request with this idempotency key is still being written.");
            }

            // The item goes where the pointer says, even if the repeat arrived in a later month.
            await _items.TryCreateAsync(repeat with { Pk = pointer.Month }, cancellationToken);
        }

        return new AddResult(AddOutcome.Repeated, claim.Reference, claim.RequestFingerprint);
    }

    private Task<(FeedbackDocument? Document, string? ETag)> ReadItemAsync(string reference, CancellationToken cancellationToken) =>
        _items.ReadAsync(reference, cancellationToken);

    private async Task<bool> UpdateUnderLeaseAsync(string reference, string leaseToken, Func<FeedbackDocument, FeedbackDocument> change, CancellationToken cancellationToken) =>
        await _items.ChangeAsync(reference, item => item.AnalysisLease == leaseToken ? change(item) : null, cancellationToken) is not null;

    private async IAsyncEnumerable<(FeedbackDocument Document, string ETag)> QueryWithETagsAsync(
        QueryDefinition query, string month, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in _feedback.QueryAsync<FeedbackDocument>(query, month, cancellationToken))
        {
            yield return (item with { ETag = null }, item.ETag!);
        }
    }

    private Task<List<string>> ReadMonthsAsync(CancellationToken cancellationToken) => _items.MonthsAsync(cancellationToken);

    /// <summary>Adds a month to the months document (before any item of that month is written).</summary>
    private async Task RegisterMonthAsync(string month, CancellationToken cancellationToken)
    {
        lock (_knownMonthsLock)
        {
            if (_knownMonths.Contains(month))
            {
                return;
            }
        }

        while (true)
        {
            var (document, eTag) = await _feedback.TryReadAsync<MonthsDocument>(MonthsDocument.Partition, MonthsDocument.Partition, cancellationToken);
            if (document is not null && document.Months.Contains(month))
            {
                break;
            }

            var updated = new MonthsDocument([.. document?.Months ?? [], month]);
            var written = document is null
                ? await _feedback.TryCreateAsync(updated, MonthsDocument.Partition, cancellationToken)
                : await _feedback.TryReplaceAsync(updated, MonthsDocument.Partition, MonthsDocument.Partition, eTag!, cancellationToken);
            if (written)
            {
                break;
            }
        }

        lock (_knownMonthsLock)
        {
            _knownMonths.Add(month);
        }
    }

    /// <summary>
    /// No transaction spans partitions: each batch is written as <see cref="AddBatchAsync"/> writes it, and is durable
    /// as soon as it is written.
    /// </summary>
    private sealed class BatchWriter(CosmosFeedbackStore store) : IFeedbackBatchWriter
    {
        public Task<IReadOnlyList<AddResult>> AddAsync(IReadOnlyList<FeedbackRecord> batch, CancellationToken cancellationToken) =>
            store.AddBatchAsync(batch, cancellationToken);

        public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
