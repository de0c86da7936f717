namespace QualityVoice.Feedback.Storage;

/// <summary>What the intake hands a store to write: the feedback and everything made for it on arrival.</summary>
/// <param name="Feedback">The feedback; its plain contact e-mail is never written (see <paramref name="ProtectedContactEmail"/>).</param>
/// <param name="Reference">The new reference.</param>
/// <param name="PassphraseHash">The keyed hash of the passphrase.</param>
/// <param name="SubmittedAt">When it arrived.</param>
/// <param name="ProtectedContactEmail">The contact e-mail, encrypted with ASP.NET Core Data Protection, or null.</param>
/// <param name="IdempotencyKey">SHA-256 of the client's scoped Idempotency-Key, or null when none was sent.</param>
/// <param name="RequestFingerprint">The keyed fingerprint of the request (no personal fields), compared when the key repeats.</param>
public sealed record FeedbackRecord(
    NewFeedback Feedback,
    string Reference,
    byte[] PassphraseHash,
    DateTimeOffset SubmittedAt,
    string? ProtectedContactEmail,
    byte[]? IdempotencyKey,
    byte[]? RequestFingerprint)
{
    private readonly DateTimeOffset? _receivedAt;

    /// <summary>
    /// The W3C <c>traceparent</c> of the span that stored it (the intake's), so that the analysis worker's span links
    /// back to the request; null when nothing was tracing. A random id: nothing about the person.
    /// </summary>
    public string? TraceParent { get; init; }

    /// <summary>
    /// When QualityVoice received it, and so when its analysis was queued: the submission itself, or the import that
    /// brought in a provider's row (whose <see cref="SubmittedAt"/> is when the person gave it, perhaps weeks before).
    /// </summary>
    public DateTimeOffset ReceivedAt
    {
        get => _receivedAt ?? SubmittedAt;
        init => _receivedAt = value;
    }
}
