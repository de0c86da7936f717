using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Rights;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// Subject access and erasure on Cosmos DB. An item's copies are documents of their own: the item in its month, its
/// reference pointer, its idempotency claim, its e-mails in the outbox, its failed /track attempts, its place in the
/// urgent index and its month's counts. Erasure removes the pointer last, so that one stopped half-way can be run again
/// and finishes the job.
/// </summary>
public sealed class CosmosPersonalData(CosmosContainers containers) : IPersonalDataStore
{
    private readonly Container _feedback = containers.Feedback;
    private readonly CosmosFeedbackItems _items = new(containers.Feedback);

    /// <inheritdoc />
    public async Task<HeldFeedback?> FindHeldAsync(string reference, CancellationToken cancellationToken)
    {
        var (item, _) = await _items.ReadAsync(reference, cancellationToken);
        return item is null ? null : new HeldFeedback(CosmosTriageStore.TriageItemOf(item), item.ContactEmail);
    }

    /// <inheritdoc />
    public async Task<bool> EraseAsync(string reference, CancellationToken cancellationToken)
    {
        var (pointer, _) = await _feedback.TryReadAsync<ReferenceDocument>(reference, ReferenceDocument.PartitionOf(reference), cancellationToken);
        if (pointer is null)
        {
            return false;
        }

        // Every e-mail about it, owed or sent: an owed one would write to the address, a sent one names the item.
        var outbox = new QueryDefinition("SELECT c.id FROM c WHERE c.pk = @pk AND c.reference = @reference").WithParameter("@reference", reference);
        foreach (var owed in await _feedback.QueryAsync<IdOnly>(outbox, OutboxDocument.Partition, cancellationToken).ToListAsync(cancellationToken))
        {
            await _feedback.DeleteIfPresentAsync(owed.Id, OutboxDocument.Partition, cancellationToken);
        }

        await new CosmosTrackingAttemptLedger(_feedback).ClearFailuresAsync(reference, cancellationToken);
        var (item, _) = await _feedback.TryReadAsync<FeedbackDocument>(reference, pointer.Month, cancellationToken);
        if (item is not null)
        {
            await _feedback.DeleteIfPresentAsync(reference, pointer.Month, cancellationToken);
            await _items.Rollups.MoveAsync(pointer.Month, item.Counted ?? RollupKey.Of(item), [], cancellationToken);
            await _items.Urgent.UnlistAsync(reference, () => Task.FromResult<FeedbackDocument?>(null), cancellationToken);
        }

        if (pointer.IdempotencyKey is { } key)
        {
            await _feedback.DeleteIfPresentAsync(key, IdempotencyDocument.PartitionOf(key), cancellationToken);
        }

        await _feedback.DeleteIfPresentAsync(reference, ReferenceDocument.PartitionOf(reference), cancellationToken);
        return item is not null;
    }

    private sealed record IdOnly(string Id);
}
