using Microsoft.Azure.Cosmos;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// Feedback items in the <c>feedback</c> container, as every Cosmos DB store reads and changes them: found by
/// reference through its pointer (two point reads), listed month by month, and changed by read, change, and replace
/// under the ETag read, again if another writer got there first.
/// </summary>
internal sealed class CosmosFeedbackItems(Container feedback)
{
    /// <summary>The container.</summary>
    public Container Container => feedback;

    /// <summary>An item and the version read; nulls when there is none.</summary>
    public async Task<(FeedbackDocument? Document, string? ETag)> ReadAsync(string reference, CancellationToken cancellationToken)
    {
        var (pointer, _) = await feedback.TryReadAsync<ReferenceDocument>(reference, ReferenceDocument.PartitionOf(reference), cancellationToken);
        return pointer is null
            ? (null, null)
            : await feedback.TryReadAsync<FeedbackDocument>(reference, pointer.Month, cancellationToken);
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

            changed = changed with { ETag = null };
            if (await feedback.TryReplaceAsync(changed, changed.Id, changed.Pk, eTag, cancellationToken))
            {
                return changed;
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
