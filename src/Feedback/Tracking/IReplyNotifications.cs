namespace QualityVoice.Feedback.Tracking;

/// <summary>
/// The e-mails owed to people who left an address when the quality team replies to them on /track, queued with the
/// reply. A sender claims a few for a while, sends them and marks them sent; a claim that runs out is claimed again.
/// </summary>
public interface IReplyNotifications
{
    /// <summary>Claims up to <paramref name="max"/> unsent e-mails for <paramref name="leaseFor"/>.</summary>
    Task<IReadOnlyList<ReplyNotification>> ClaimAsync(int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken);

    /// <summary>Records that it was sent, under the claim it was sent under: false when its claim ran out and another sender has claimed it since (that sender records its own try).</summary>
    Task<bool> MarkSentAsync(ReplyNotification notification, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Gives up on it (the address cannot be read, or too many tries); false when its claim ran out and another sender has claimed it since (that sender records its own try).</summary>
    Task<bool> GiveUpAsync(ReplyNotification notification, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>One e-mail owed: the reply, the feedback it answers, and the protected address.</summary>
/// <param name="Key">Which e-mail it is, in the store's terms.</param>
/// <param name="Reference">The feedback's reference, which the person knows.</param>
/// <param name="ServiceName">The service their feedback was about.</param>
/// <param name="ProtectedEmail">Their address, as Data Protection ciphertext.</param>
/// <param name="Attempts">How many times it has been claimed, this time included.</param>
public sealed record ReplyNotification(string Key, string Reference, string ServiceName, string ProtectedEmail, int Attempts);
