using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// The e-mails owed for replies on /track on Cosmos DB, in the <c>outbox</c> partition (<see cref="CosmosOutbox"/>).
/// The triage store owes the e-mail before it keeps the reply (an item and the outbox are in different partitions, and
/// no write spans two), so a claim first checks that the reply it tells of was kept, and drops the e-mail if not.
/// </summary>
public sealed class CosmosReplyNotifications : IReplyNotifications
{
    private readonly CosmosFeedbackItems _items;
    private readonly CosmosOutbox _outbox;

    /// <summary>Opens the outbox on containers that exist.</summary>
    public CosmosReplyNotifications(CosmosContainers containers)
    {
        _items = new CosmosFeedbackItems(containers.Feedback);
        _outbox = new CosmosOutbox(containers.Feedback);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReplyNotification>> ClaimAsync(int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        var claimed = new List<ReplyNotification>();
        foreach (var owed in await _outbox.WaitingAsync(OutboxDocument.ReplyEmail, now, cancellationToken))
        {
            if (claimed.Count == max)
            {
                break;
            }

            var (item, _) = await _items.ReadAsync(owed.Reference!, cancellationToken);
            var kept = item?.Messages.Any(message => !message.FromPerson && message.At == owed.ReplyAt) == true;
            if (item?.ContactEmail is null || !kept)
            {
                // The person withdrew their address, or the reply was never kept: there is nothing to tell.
                if (item?.ContactEmail is null || now - DateTimeOffset.FromUnixTimeMilliseconds(owed.CreatedAt) > leaseFor)
                {
                    await _outbox.DropAsync(owed.Id, cancellationToken);
                }

                continue;
            }

            if (await _outbox.ClaimAsync(owed, now, leaseFor, cancellationToken) is { } leased)
            {
                claimed.Add(new ReplyNotification(owed.Id, item.Id, item.ServiceName, item.ContactEmail, leased.Attempts));
            }
        }

        return claimed;
    }

    /// <inheritdoc />
    public Task<bool> MarkSentAsync(ReplyNotification notification, DateTimeOffset at, CancellationToken cancellationToken) =>
        _outbox.SentAsync(notification.Key, notification.Attempts, at, cancellationToken);

    /// <inheritdoc />
    public Task<bool> GiveUpAsync(ReplyNotification notification, DateTimeOffset at, CancellationToken cancellationToken) =>
        _outbox.GiveUpAsync(notification.Key, notification.Attempts, cancellationToken);
}
