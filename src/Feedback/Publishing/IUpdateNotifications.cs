namespace QualityVoice.Feedback.Publishing;

/// <summary>
/// The e-mails owed to people whose feedback an update answers, queued as the update goes live. A sender claims a
/// few for a while, sends them and marks them sent; a claim that runs out (the sender stopped) is claimed again, and
/// then only the new claim's sender can mark it: each claim is told apart by <see cref="UpdateNotification.Attempts"/>.
/// </summary>
public interface IUpdateNotifications
{
    /// <summary>
    /// Claims for <paramref name="leaseFor"/> the unsent e-mails of one update (the one waiting longest), up to
    /// <paramref name="max"/>: so that a person with several items on the update is written to once.
    /// </summary>
    Task<IReadOnlyList<UpdateNotification>> ClaimAsync(int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken);

    /// <summary>Records that it was sent, under the claim it was sent under: false when its claim ran out and another sender has claimed it since (that sender records its own try).</summary>
    Task<bool> MarkSentAsync(UpdateNotification notification, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Gives up on it after too many tries. (A try that fails is simply not marked: it is claimed again once its
    /// claim runs out, which spaces the tries.) Like <see cref="MarkSentAsync"/>, false when its claim ran out and another sender has claimed it since (that sender records its own try).
    /// </summary>
    Task<bool> GiveUpAsync(UpdateNotification notification, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>One e-mail owed: the update, the feedback it answers, and the protected address.</summary>
/// <param name="Key">Which e-mail it is, in the store's terms.</param>
/// <param name="Reference">The feedback's reference, which the person knows.</param>
/// <param name="ServiceName">The service their feedback was about.</param>
/// <param name="ProtectedEmail">Their address, as Data Protection ciphertext.</param>
/// <param name="Slug">The update's address.</param>
/// <param name="Title">The live version's title.</param>
/// <param name="Attempts">How many times it has been claimed, this time included.</param>
public sealed record UpdateNotification(string Key, string Reference, string ServiceName, string ProtectedEmail, string Slug, string Title, int Attempts);
