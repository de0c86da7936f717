using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// Failed tracking attempts, a document per reference in a partition of its own (<c>attempts:QV-…</c>) in the
/// container that holds the references, counted with ETag-checked replaces so that concurrent failures all count,
/// and removed by Cosmos DB's TTL a day after the last failure or lock.
/// </summary>
public sealed class CosmosTrackingAttemptLedger(Container container) : ITrackingAttemptLedger
{
    /// <summary>How long failures are remembered after the last one when they did not lock the reference.</summary>
    private static readonly TimeSpan Forgotten = TimeSpan.FromDays(1);

    /// <inheritdoc />
    public async Task<DateTimeOffset?> LockedUntilAsync(string reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (attempts, _) = await container.TryReadAsync<AttemptsDocument>(reference, PartitionOf(reference), cancellationToken);
        return attempts?.LockedUntil is { } until && until > now ? until : null;
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset?> RecordFailureAsync(string reference, DateTimeOffset now, int maxFailures, TimeSpan lockFor, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(reference);
        while (true)
        {
            var (attempts, eTag) = await container.TryReadAsync<AttemptsDocument>(reference, partition, cancellationToken);
            var current = (attempts ?? new AttemptsDocument(reference, partition, 0, null)) with { Ttl = (int)(lockFor + Forgotten).TotalSeconds };
            if (current.LockedUntil is { } until && until <= now)
            {
                // A lock that has run out starts the count again.
                current = current with { Failures = 0, LockedUntil = null };
            }

            var failures = current.Failures + 1;
            var updated = failures >= maxFailures
                ? current with { Failures = 0, LockedUntil = now + lockFor }
                : current with { Failures = failures };
            var written = eTag is null
                ? await container.TryCreateAsync(updated, partition, cancellationToken)
                : await container.TryReplaceAsync(updated, reference, partition, eTag, cancellationToken);
            if (written)
            {
                return updated.LockedUntil is { } locked && locked > now ? locked : null;
            }
        }
    }

    /// <inheritdoc />
    public Task ClearFailuresAsync(string reference, CancellationToken cancellationToken) =>
        container.DeleteIfPresentAsync(reference, PartitionOf(reference), cancellationToken);

    private static string PartitionOf(string reference) => "attempts:" + reference;

    private sealed record AttemptsDocument(string Id, string Pk, int Failures, DateTimeOffset? LockedUntil)
    {
        public string Type { get; init; } = "attempts";

        /// <summary>Seconds until Cosmos DB's TTL removes the count, from its last write: past any lock, and then a day.</summary>
        public int Ttl { get; init; }
    }
}
