using Microsoft.Azure.Cosmos;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// Feedback items in the <c>feedback</c> container, as every Cosmos DB store reads and writes them: found by
/// reference through its pointer (two point reads), listed month by month, and written only here, so that every
/// write also moves its month's counts (<see cref="MonthRollups"/>) and keeps the urgent queue's index
/// (<see cref="UrgentIndex"/>). Changes are read, change, and replace under the ETag read, again if another writer
/// got there first.
/// </summary>
internal sealed class CosmosFeedbackItems(Container feedback)
{
    private readonly MonthRollups _rollups = new(feedback);
    private readonly UrgentIndex _urgent = new(feedback);

    /// <summary>The container.</summary>
    public Container Container => feedback;

    /// <summary>The index of open urgent items.</summary>
    public UrgentIndex Urgent => _urgent;

    /// <summary>The months' counts.</summary>
    public MonthRollups Rollups => _rollups;

    /// <summary>An item and the version read; nulls when there is none.</summary>
    public async Task<(FeedbackDocument? Document, string? ETag)> ReadAsync(string reference, CancellationToken cancellationToken)
    {
        var (pointer, _) = await feedback.TryReadAsync<ReferenceDocument>(reference, ReferenceDocument.PartitionOf(reference), cancellationToken);
        return pointer is null
            ? (null, null)
            : await feedback.TryReadAsync<FeedbackDocument>(reference, pointer.Month, cancellationToken);
    }

    /// <summary>Writes a new item and counts it; false when its month already holds an item with its reference.</summary>
    public async Task<bool> TryCreateAsync(FeedbackDocument item, CancellationToken cancellationToken)
    {
        item = item with { Counted = RollupKey.Of(item), ETag = null };
        if (item.InUrgentQueue())
        {
            await _urgent.ListAsync(item.Id, item.Pk, cancellationToken);
        }

        if (!await feedback.TryCreateAsync(item, item.Pk, cancellationToken))
        {
            return false;
        }

        await _rollups.MoveAsync(item.Pk, null, item.Counted, cancellationToken);
        return true;
    }

    /// <summary>
    /// Replaces the version of an item read (<paramref name="was"/>, with its <paramref name="eTag"/>) with
    /// <paramref name="now"/>, and moves the counts and the urgent index with it; false when another writer changed
    /// the item since it was read.
    /// </summary>
    public async Task<bool> TryReplaceAsync(FeedbackDocument was, string eTag, FeedbackDocument now, CancellationToken cancellationToken)
    {
        now = now with { Counted = RollupKey.Of(now), ETag = null };
        var (queued, wasQueued) = (now.InUrgentQueue(), was.InUrgentQueue());
        if (queued && !wasQueued)
        {
            await _urgent.ListAsync(now.Id, now.Pk, cancellationToken);
        }

        if (!await feedback.TryReplaceAsync(now, now.Id, now.Pk, eTag, cancellationToken))
        {
            return false;
        }

        await _rollups.MoveAsync(now.Pk, was.Counted, now.Counted, cancellationToken);
        if (queued && !wasQueued)
        {
            // Listed again in case a change that took it out of the queue unlisted it between the two writes.
            await _urgent.ListAsync(now.Id, now.Pk, cancellationToken);
        }
        else if (wasQueued && !queued)
        {
            await _urgent.UnlistAsync(now.Id, async () => (await feedback.TryReadAsync<FeedbackDocument>(now.Id, now.Pk, cancellationToken)).Document, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Changes an item: <paramref name="change"/> gets what is stored and returns the item as it should be, or null
    /// to leave it; it is run again on the newer version if another writer changed the item in between. Returns the
    /// item as written, or null when there is none or it was left.
    /// </summary>
    public async Task<FeedbackDocument?> ChangeAsync(string reference, Func<FeedbackDocument, FeedbackDocument?> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (item, eTag) = await ReadAsync(reference, cancellationToken);
            if (item is null || eTag is null || change(item) is not { } changed)
            {
                return null;
            }

            if (await TryReplaceAsync(item, eTag, changed, cancellationToken))
            {
                return changed with { ETag = null };
            }
        }
    }

    /// <summary>The months that hold items, oldest first.</summary>
    public async Task<List<string>> MonthsAsync(CancellationToken cancellationToken)
    {
        var (months, _) = await feedback.TryReadAsync<MonthsDocument>(MonthsDocument.Partition, MonthsDocument.Partition, cancellationToken);
        return months?.Months.Order(StringComparer.Ordinal).ToList() ?? [];
    }
}
