namespace QualityVoice.Feedback.Tracking;

/// <summary>
/// Opens a reference with its passphrase. A wrong passphrase and an unknown reference get the same answer, and
/// five failures lock the reference for fifteen minutes, whether or not it exists.
/// </summary>
public sealed class ReferenceCheck(PassphraseHasher hasher, TimeProvider time)
{
    /// <summary>Failures in a row that lock a reference.</summary>
    public const int MaxFailures = 5;

    /// <summary>How long a locked reference stays locked.</summary>
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Checks a typed reference and passphrase against what <paramref name="find"/> returns for the reference.
    /// </summary>
    /// <typeparam name="T">What the reference opens.</typeparam>
    /// <param name="typedReference">The reference as typed.</param>
    /// <param name="typedPassphrase">The passphrase as typed.</param>
    /// <param name="prefix">The references' prefix: QV for feedback, SU for speak-up cases.</param>
    /// <param name="ledger">Where the failures are counted.</param>
    /// <param name="find">Looks up what a reference opens, with its passphrase hash.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<ReferenceCheckResult<T>> CheckAsync<T>(
        string? typedReference,
        string? typedPassphrase,
        string prefix,
        ITrackingAttemptLedger ledger,
        Func<string, CancellationToken, Task<(T Item, byte[] PassphraseHash)?>> find,
        CancellationToken cancellationToken)
        where T : class
    {
        var referenceWellFormed = FeedbackReference.TryNormalise(typedReference, prefix, out var reference);
        var passphrase = Passphrase.Normalise(typedPassphrase);
        if (!referenceWellFormed || passphrase is null)
        {
            return new ReferenceCheckResult<T>.Malformed(!referenceWellFormed, passphrase is null);
        }

        var now = time.GetUtcNow();
        if (await ledger.LockedUntilAsync(reference!, now, cancellationToken) is { } lockedUntil)
        {
            return new ReferenceCheckResult<T>.Locked(lockedUntil);
        }

        var found = await find(reference!, cancellationToken);
        if (found is { } match && hasher.Verify(reference!, passphrase, match.PassphraseHash))
        {
            await ledger.ClearFailuresAsync(reference!, cancellationToken);
            return new ReferenceCheckResult<T>.Opened(match.Item);
        }

        return await ledger.RecordFailureAsync(reference!, now, MaxFailures, LockFor, cancellationToken) is { } nowLocked
            ? new ReferenceCheckResult<T>.Locked(nowLocked)
            : new ReferenceCheckResult<T>.NoMatch();
    }
}
