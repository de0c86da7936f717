namespace QualityVoice.Feedback.Storage;

/// <summary>The outcome of adding a record, with the reference that now stands for it.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Reference">The stored reference: the new one, or the first request's on a repeat.</param>
/// <param name="RequestFingerprint">On a repeat, the first request's fingerprint.</param>
public sealed record AddResult(AddOutcome Outcome, string Reference, byte[]? RequestFingerprint = null);
