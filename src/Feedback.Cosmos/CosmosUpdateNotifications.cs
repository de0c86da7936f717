using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>The e-mails owed for live updates on Cosmos DB, in the <c>outbox</c> partition (<see cref="CosmosOutbox"/>).</summary>
public sealed class CosmosUpdateNotifications : IUpdateNotifications
{
    private readonly Container _feedback;
    private readonly CosmosFeedbackItems _items;
    private readonly CosmosOutbox _outbox;

    /// <summary>Opens the outbox on containers that exist.</summary>
    public CosmosUpdateNotifications(CosmosContainers containers)
    {
        _feedback = containers.Feedback;
        _items = new CosmosFeedbackItems(containers.Feedback);
        _outbox = new CosmosOutbox(containers.Feedback);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UpdateNotification>> ClaimAsync(int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        var waiting = await _outbox.WaitingAsync(OutboxDocument.UpdateEmail, now, cancellationToken);

        // One update at a time (the one waiting longest), so that a person with several items on it is written to once.
        var claimed = new List<UpdateNotification>();
        foreach (var owed in waiting.Where(owed => owed.Slug == waiting[0].Slug).Take(max))
        {
            if (await _outbox.ClaimAsync(owed, now, leaseFor, cancellationToken) is not { } leased)
            {
                continue;
            }

            var (item, _) = await _items.ReadAsync(owed.Reference!, cancellationToken);
            var (update, _) = await _feedback.TryReadAsync<UpdateDocument>(owed.Slug!, UpdateDocument.Partition, cancellationToken);
            if (item?.ContactEmail is { } address && update is not null)
            {
                claimed.Add(new UpdateNotification(owed.Id, item.Id, item.ServiceName, address, update.Id, update.LiveOrLatest.Content.Title, leased.Attempts));
            }
        }

        return claimed;
    }

    /// <inheritdoc />
    public Task<bool> MarkSentAsync(UpdateNotification notification, DateTimeOffset at, CancellationToken cancellationToken) =>
        _outbox.SentAsync(notification.Key, notification.Attempts, at, cancellationToken);

    /// <inheritdoc />
    public Task<bool> GiveUpAsync(UpdateNotification notification, DateTimeOffset at, CancellationToken cancellationToken) =>
        _outbox.GiveUpAsync(notification.Key, notification.Attempts, cancellationToken);
}
