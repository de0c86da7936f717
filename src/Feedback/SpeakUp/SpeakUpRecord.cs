namespace QualityVoice.Feedback.SpeakUp;

/// <summary>What the speak-up intake hands the store to write.</summary>
/// <param name="Case">The concern; its name and contact details are never written in plain text.</param>
/// <param name="Reference">The new SU- reference.</param>
/// <param name="PassphraseHash">The keyed hash of the passphrase.</param>
/// <param name="RaisedOn">The day it was raised: no time of day is kept.</param>
/// <param name="ProtectedIdentity">Name and contact details, encrypted, for open and confidential cases only.</param>
/// <param name="IdempotencyKey">SHA-256 of the form's submission key.</param>
/// <param name="RequestFingerprint">The keyed fingerprint of the request (no personal fields), compared when the key repeats.</param>
public sealed record SpeakUpRecord(
    NewSpeakUpCase Case,
    string Reference,
    byte[] PassphraseHash,
    DateOnly RaisedOn,
    string? ProtectedIdentity,
    byte[]? IdempotencyKey,
    byte[]? RequestFingerprint);
