using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// The e-mails owed for live updates on Cosmos DB: documents in the <c>outbox</c> partition, claimed for a while by
/// replacing each under the ETag read (two senders never claim the same one), then marked sent or given up on.
/// </summary>
public sealed class CosmosUpdateNotifications : IUpdateNotifications
{
    private readonly Container _feedback;
    private readonly CosmosFeedbackItems _items;

    /// <summary>Opens the outbox on containers that exist.</summary>
    public CosmosUpdateNotifications(CosmosContainers containers)
    {
        _feedback = containers.Feedback;
        _items = new CosmosFeedbackItems(containers.Feedback);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UpdateNotification>> ClaimAsync(int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition(
                "SELECT * FROM c WHERE c.pk = @pk AND c.type = @type AND c.state = @pending AND (NOT IS_DEFINED(c.leaseUntil) OR IS_NULL(c.leaseUntil) OR c.leaseUntil < @now) ORDER BY c.createdAt")
            .WithParameter("@type", OutboxDocument.UpdateEmail)
            .WithParameter("@pending", "pending")
            .WithParameter("@now", now.ToUnixTimeMilliseconds());
        var waiting = new List<OutboxDocument>();
        await foreach (var owed in _feedback.QueryAsync<OutboxDocument>(query, OutboxDocument.Partition, cancellationToken))
        {
            waiting.Add(owed);
        }

        // One update at a time (the one waiting longest), so that a person with several items on it is written to once.
        var claimed = new List<UpdateNotification>();
        foreach (var owed in waiting.Where(owed => owed.Slug == waiting.FirstOrDefault()?.Slug).Take(max))
        {
            var leased = owed with { LeaseUntil = (now + leaseFor).ToUnixTimeMilliseconds(), Attempts = owed.Attempts + 1, ETag = null };
            if (!await _feedback.TryReplaceAsync(leased, owed.Id, OutboxDocument.Partition, owed.ETag!, cancellationToken))
            {
                continue;
            }

            var (item, _) = await _items.ReadAsync(owed.Reference, cancellationToken);
            var (update, _) = await _feedback.TryReadAsync<UpdateDocument>(owed.Slug!, UpdateDocument.Partition, cancellationToken);
            if (item?.ContactEmail is { } address && update is not null)
            {
                claimed.Add(new UpdateNotification(owed.Id, item.Id, item.ServiceName, address, update.Id, update.LiveOrLatest.Content.Title, leased.Attempts));
            }
        }

        return claimed;
    }

    /// <inheritdoc />
    public Task MarkSentAsync(UpdateNotification notification, DateTimeOffset at, CancellationToken cancellationToken) =>
        FinishAsync(notification.Key, owed => owed with { State = "sent", SentAt = at.ToUnixTimeMilliseconds(), LeaseUntil = null }, cancellationToken);

    /// <inheritdoc />
    public Task GiveUpAsync(UpdateNotification notification, DateTimeOffset at, CancellationToken cancellationToken) =>
        FinishAsync(notification.Key, owed => owed with { State = "failed", LeaseUntil = null }, cancellationToken);

    /// <summary>Drops the e-mails not yet sent about a feedback item, when the person withdraws their address.</summary>
    internal static async Task ForgetAsync(Container feedback, string reference, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.reference = @reference AND c.state = @pending")
            .WithParameter("@reference", reference)
            .WithParameter("@pending", "pending");
        var owed = new List<OutboxDocument>();
        await foreach (var document in feedback.QueryAsync<OutboxDocument>(query, OutboxDocument.Partition, cancellationToken))
        {
            owed.Add(document);
        }

        foreach (var document in owed)
        {
            await feedback.DeleteIfPresentAsync(document.Id, OutboxDocument.Partition, cancellationToken);
        }
    }

    private async Task FinishAsync(string id, Func<OutboxDocument, OutboxDocument> finish, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (owed, eTag) = await _feedback.TryReadAsync<OutboxDocument>(id, OutboxDocument.Partition, cancellationToken);
            if (owed is null || eTag is null || await _feedback.TryReplaceAsync(finish(owed) with { ETag = null }, id, OutboxDocument.Partition, eTag, cancellationToken))
            {
                return;
            }
        }
    }
}
