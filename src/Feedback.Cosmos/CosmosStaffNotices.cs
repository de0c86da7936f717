using QualityVoice.Feedback.Publishing;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>E-mails to staff about publishing work on Cosmos DB, in the <c>outbox</c> partition (<see cref="CosmosOutbox"/>).</summary>
public sealed class CosmosStaffNotices(CosmosContainers containers) : IStaffNotices
{
    private readonly CosmosOutbox _outbox = new(containers.Feedback);

    /// <inheritdoc />
    public async Task QueueAsync(IReadOnlyList<StaffNotice> notices, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var notice in notices)
        {
            await _outbox.OweAsync(
                new OutboxDocument { Id = "staff:" + Guid.NewGuid().ToString("N"), Type = OutboxDocument.StaffEmail, Notice = notice, CreatedAt = at.ToUnixTimeMilliseconds() },
                cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueuedStaffNotice>> ClaimAsync(int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        var claimed = new List<QueuedStaffNotice>();
        foreach (var owed in (await _outbox.WaitingAsync(OutboxDocument.StaffEmail, now, cancellationToken)).Take(max))
        {
            if (await _outbox.ClaimAsync(owed, now, leaseFor, cancellationToken) is { Notice: { } notice } leased)
            {
                claimed.Add(new QueuedStaffNotice(owed.Id, notice, leased.Attempts));
            }
        }

        return claimed;
    }

    /// <inheritdoc />
    public Task<bool> FinishAsync(QueuedStaffNotice notice, bool sent, DateTimeOffset at, CancellationToken cancellationToken) =>
        sent ? _outbox.SentAsync(notice.Id, notice.Attempts, at, cancellationToken) : _outbox.GiveUpAsync(notice.Id, notice.Attempts, cancellationToken);
}
