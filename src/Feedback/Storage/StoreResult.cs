namespace QualityVoice.Feedback.Storage;

/// <summary>What happened when a store was asked to add a record.</summary>
public enum AddOutcome
{
    /// <summary>Written and durable.</summary>
    Stored,

    /// <summary>The idempotency key was seen before; nothing new was written.</summary>
    Repeated,

    /// <summary>Another item already has this reference (a one-in-billions collision); make another.</summary>
    ReferenceTaken,
}

/// <summary>The outcome of adding a record, with the reference that now stands for it.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Reference">The stored reference: the new one, or the first request's on a repeat.</param>
/// <param name="RequestFingerprint">On a repeat, the first request's fingerprint.</param>
public sealed record AddResult(AddOutcome Outcome, string Reference, byte[]? RequestFingerprint = null);
