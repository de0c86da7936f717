namespace QualityVoice.Feedback.Tracking;

/// <summary>
/// The two ledgers of failed attempts to open a reference: patient and carer feedback's, kept with the feedback, and
/// speak-up cases', kept with the cases (never beside patient feedback). Registered on their own, apart from the
/// stores, for the pages that open a reference with a passphrase.
/// </summary>
/// <param name="Feedback">Failures opening feedback references (<c>QV-…</c>).</param>
/// <param name="SpeakUp">Failures opening speak-up case references (<c>SU-…</c>).</param>
public sealed record TrackingAttemptLedgers(ITrackingAttemptLedger Feedback, ITrackingAttemptLedger SpeakUp);
