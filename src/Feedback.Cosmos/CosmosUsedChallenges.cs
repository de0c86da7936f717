using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Intake;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// The proof-of-work challenges every portal instance has accepted, in the feedback container (partition
/// <c>used-challenges</c>): a document a challenge, created once (a second create conflicts), and removed by Cosmos DB's
/// time to live when the challenge would have expired.
/// </summary>
public sealed class CosmosUsedChallenges(CosmosContainers containers, TimeProvider time) : IUsedChallenges
{
    private readonly Container _feedback = containers.Feedback;

    /// <inheritdoc />
    public Task<bool> TryUseAsync(string signature, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var ttl = (int)Math.Clamp(Math.Ceiling((expiresAt - time.GetUtcNow()).TotalSeconds) + 60, 60, int.MaxValue);
        return _feedback.TryCreateAsync(new UsedChallengeDocument(signature, ttl), UsedChallengeDocument.Partition, cancellationToken);
    }
}

/// <summary>A used challenge as Cosmos DB keeps it: its signature, until its time to live runs out.</summary>
internal sealed record UsedChallengeDocument(string Id, int Ttl)
{
    public const string Partition = "used-challenges";

    public string Pk { get; init; } = Partition;

    public string Type { get; init; } = "used-challenge";
}
