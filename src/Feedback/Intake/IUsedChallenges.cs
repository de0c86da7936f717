namespace QualityVoice.Feedback.Intake;

/// <summary>
/// The proof-of-work challenges the portal has accepted, so that each is accepted once however many portal instances
/// there are: on one machine in the portal's memory, on Cosmos DB in the store (each forgotten when it would have
/// expired anyway).
/// </summary>
public interface IUsedChallenges
{
    /// <summary>
    /// Records that the challenge <paramref name="signature"/> names is used; false when it was used before. It need
    /// only be remembered until <paramref name="expiresAt"/>, after which the challenge is refused as expired.
    /// </summary>
    Task<bool> TryUseAsync(string signature, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
