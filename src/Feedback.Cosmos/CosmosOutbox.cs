using Microsoft.Azure.Cosmos;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// The <c>outbox</c> partition's e-mails, as every sender takes them: the oldest pending ones whose claim has run
/// out, each claimed by a replace under the ETag read (so two senders never claim one), then marked sent or given up.
/// </summary>
internal sealed class CosmosOutbox(Container feedback)
{
    /// <summary>Creates an e-mail owed; nothing happens when it is already owed (or was sent).</summary>
    public Task OweAsync(OutboxDocument owed, CancellationToken cancellationToken) => feedback.TryCreateAsync(owed, OutboxDocument.Partition, cancellationToken);

    /// <summary>The pending e-mails of a type that nobody holds a claim on, oldest first.</summary>
    public async Task<List<OutboxDocument>> WaitingAsync(string type, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition(
                "SELECT * FROM c WHERE c.pk = @pk AND c.type = @type AND c.state = @pending AND (NOT IS_DEFINED(c.leaseUntil) OR IS_NULL(c.leaseUntil) OR c.leaseUntil < @now) ORDER BY c.createdAt")
            .WithParameter("@type", type)
            .WithParameter("@pending", "pending")
            .WithParameter("@now", now.ToUnixTimeMilliseconds());
        return await feedback.QueryAsync<OutboxDocument>(query, OutboxDocument.Partition, cancellationToken).ToListAsync(cancellationToken);
    }

    /// <summary>Claims one for <paramref name="leaseFor"/>: the claimed document, or null when another sender got it first.</summary>
    public async Task<OutboxDocument?> ClaimAsync(OutboxDocument owed, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        var leased = owed with { LeaseUntil = (now + leaseFor).ToUnixTimeMilliseconds(), Attempts = owed.Attempts + 1, ETag = null };
        return await feedback.TryReplaceAsync(leased, owed.Id, OutboxDocument.Partition, owed.ETag!, cancellationToken) ? leased : null;
    }

    /// <summary>Records that it was sent under the claim that made <paramref name="attempts"/> tries; false when it has been claimed again since.</summary>
    public Task<bool> SentAsync(string id, int attempts, DateTimeOffset at, CancellationToken cancellationToken) =>
        FinishAsync(id, attempts, owed => owed with { State = "sent", SentAt = at.ToUnixTimeMilliseconds(), LeaseUntil = null }, cancellationToken);

    /// <summary>Gives up on it under the claim that made <paramref name="attempts"/> tries; false when it has been claimed again since.</summary>
    public Task<bool> GiveUpAsync(string id, int attempts, CancellationToken cancellationToken) =>
        FinishAsync(id, attempts, owed => owed with { State = "failed", LeaseUntil = null }, cancellationToken);

    /// <summary>Drops it: what it would tell of is gone (the address was withdrawn, or the reply was never kept).</summary>
    public Task DropAsync(string id, CancellationToken cancellationToken) => feedback.DeleteIfPresentAsync(id, OutboxDocument.Partition, cancellationToken);

    /// <summary>Drops the e-mails not yet sent about a feedback item, when the person withdraws their address.</summary>
    public async Task ForgetAsync(string reference, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.reference = @reference AND c.state = @pending")
            .WithParameter("@reference", reference)
            .WithParameter("@pending", "pending");
        foreach (var document in await feedback.QueryAsync<OutboxDocument>(query, OutboxDocument.Partition, cancellationToken).ToListAsync(cancellationToken))
        {
            await DropAsync(document.Id, cancellationToken);
        }
    }

    private async Task<bool> FinishAsync(string id, int attempts, Func<OutboxDocument, OutboxDocument> finish, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Only under the claim it was tried under: once claimed again, the attempt count has moved on.
            var (owed, eTag) = await feedback.TryReadAsync<OutboxDocument>(id, OutboxDocument.Partition, cancellationToken);
            if (owed is null || eTag is null || owed.State != "pending" || owed.Attempts != attempts)
            {
                return false;
            }

            if (await feedback.TryReplaceAsync(finish(owed) with { ETag = null }, id, OutboxDocument.Partition, eTag, cancellationToken))
            {
                return true;
            }
        }
    }
}
