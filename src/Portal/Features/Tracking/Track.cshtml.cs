using QualityVoice.Feedback;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Portal.Features.Tracking;

/// <summary>
/// /track: a person's reference and passphrase open what happened to their feedback: its status, the quality
/// team's reply, and the "you said, we did" updates that answer it.
/// </summary>
public sealed class TrackModel(IFeedbackStore store, ReferenceCheck check) : ReferenceLookupModel<TrackedFeedback>(check)
{
    /// <inheritdoc />
    protected override string Prefix => FeedbackReference.FeedbackPrefix;

    /// <inheritdoc />
    protected override string WhatItOpens => "feedback";

    /// <inheritdoc />
    protected override ITrackingAttemptLedger Ledger => store;

    /// <summary>A status in plain words.</summary>
    public static string Describe(TriageStatus status) => status switch
    {
        TriageStatus.New => "Received. Our quality team will read it.",
        TriageStatus.Triaged => "Read by our quality team.",
        TriageStatus.InProgress => "Our team is looking into it.",
        TriageStatus.Responded => "We have replied.",
        _ => "Closed.",
    };

    /// <inheritdoc />
    protected override Task<(TrackedFeedback Item, byte[] PassphraseHash)?> FindAsync(string reference, CancellationToken cancellationToken) =>
        store.FindForTrackingAsync(reference, cancellationToken);
}
