namespace QualityVoice.Feedback.Publishing;

/// <summary>
/// E-mails to staff about publishing work (an update waits for review; an update was approved or sent back), queued
/// as the change is made and sent by a worker: claimed for a while, sent, marked sent; a claim that runs out is
/// claimed again.
/// </summary>
public interface IStaffNotices
{
    /// <summary>Queues e-mails to send.</summary>
    Task QueueAsync(IReadOnlyList<StaffNotice> notices, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> unsent e-mails for <paramref name="leaseFor"/>.</summary>
    Task<IReadOnlyList<QueuedStaffNotice>> ClaimAsync(int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken);

    /// <summary>Records that it was sent (true) or given up on (false), under the claim it was tried under: false when its claim ran out and another sender has claimed it since (that sender records its own try).</summary>
    Task<bool> FinishAsync(QueuedStaffNotice notice, bool sent, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>An e-mail to a member of staff: their work address, the subject and the plain-text body.</summary>
/// <param name="To">Their address.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Body">The body, lines ending CRLF.</param>
public sealed record StaffNotice(string To, string Subject, string Body);

/// <summary>A queued e-mail to a member of staff.</summary>
/// <param name="Id">Which e-mail it is, in the store's terms.</param>
/// <param name="Notice">The e-mail.</param>
/// <param name="Attempts">How many times it has been claimed, this time included.</param>
public sealed record QueuedStaffNotice(string Id, StaffNotice Notice, int Attempts);
