namespace QualityVoice.Feedback.Tracking;

/// <summary>
/// Failed attempts to open a reference with a passphrase, kept by the store that holds the references (so
/// speak-up references stay in the speak-up store). Kept for any well-formed reference, known or not, so that
/// the two behave alike.
/// </summary>
public interface ITrackingAttemptLedger
{
    /// <summary>When the reference is locked until, if it is locked at <paramref name="now"/>.</summary>
    Task<DateTimeOffset?> LockedUntilAsync(string reference, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed attempt; the <paramref name="maxFailures"/>th in a row locks the reference for
    /// <paramref name="lockFor"/>. Returns when it is locked until, if it now is.
    /// </summary>
    Task<DateTimeOffset?> RecordFailureAsync(string reference, DateTimeOffset now, int maxFailures, TimeSpan lockFor, CancellationToken cancellationToken);

    /// <summary>Forgets the failures after a successful attempt.</summary>
    Task ClearFailuresAsync(string reference, CancellationToken cancellationToken);
}
