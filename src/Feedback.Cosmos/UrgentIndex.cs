using Microsoft.Azure.Cosmos;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// The open urgent items (urgent and not closed), by reference with the month that holds each, in a partition of
/// their own: the urgent queue reads this one document and then only the months it names, instead of every month.
/// </summary>
internal sealed record UrgentIndexDocument
{
    public const string Partition = "urgent";

    public string Id { get; init; } = Partition;

    public string Pk { get; init; } = Partition;

    public string Type { get; init; } = "urgent-index";

    /// <summary>Each open urgent item's month, by reference.</summary>
    public Dictionary<string, string> Open { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Keeps the index of open urgent items as items change. A missed urgent comment is a patient-safety hazard, so the
/// index may hold more than is open but never less: an item is listed before the write that puts it in the queue
/// and checked again after it, and unlisted only after the write that takes it out, then read again and listed
/// once more if another change put it back meanwhile. The queue reads each item it lists, so an entry left by a
/// change that never happened shows nothing.
/// </summary>
internal sealed class UrgentIndex(Container feedback)
{
    /// <summary>The references listed, with their months.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadAsync(CancellationToken cancellationToken) =>
        (await feedback.TryReadAsync<UrgentIndexDocument>(UrgentIndexDocument.Partition, UrgentIndexDocument.Partition, cancellationToken)).Document?.Open
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Lists an item (nothing happens when it is listed already).</summary>
    public Task ListAsync(string reference, string month, CancellationToken cancellationToken) =>
        ChangeAsync(open => open.TryAdd(reference, month), cancellationToken);

    /// <summary>Unlists an item after the write that took it out of the queue, unless it is back in the queue now.</summary>
    public async Task UnlistAsync(string reference, Func<Task<FeedbackDocument?>> readAgain, CancellationToken cancellationToken)
    {
        await ChangeAsync(open => open.Remove(reference), cancellationToken);
        if (await readAgain() is { } now && now.InUrgentQueue())
        {
            await ListAsync(reference, now.Pk, cancellationToken);
        }
    }

    /// <summary>Changes the list under the ETag read, again if another writer got there first; nothing when <paramref name="change"/> says so.</summary>
    private async Task ChangeAsync(Func<Dictionary<string, string>, bool> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (index, eTag) = await feedback.TryReadAsync<UrgentIndexDocument>(UrgentIndexDocument.Partition, UrgentIndexDocument.Partition, cancellationToken);
            var open = new Dictionary<string, string>(index?.Open ?? [], StringComparer.Ordinal);
            if (!change(open))
            {
                return;
            }

            var changed = new UrgentIndexDocument { Open = open };
            if (eTag is null
                ? await feedback.TryCreateAsync(changed, UrgentIndexDocument.Partition, cancellationToken)
                : await feedback.TryReplaceAsync(changed, UrgentIndexDocument.Partition, UrgentIndexDocument.Partition, eTag, cancellationToken))
            {
                return;
            }
        }
    }
}
