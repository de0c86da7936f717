using QualityVoice.Feedback;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Tracking;
using QualityVoice.Portal.Features.Tracking;

namespace QualityVoice.Portal.Features.SpeakUp;

/// <summary>
/// /speak-up/case: the person who spoke up opens their case with its reference and passphrase to read the
/// guardian's replies, on the same terms as /track.
/// </summary>
public sealed class CaseModel(ISpeakUpStore store, ReferenceCheck check) : ReferenceLookupModel<SpeakUpCaseSummary>(check)
{
    /// <inheritdoc />
    protected override string Prefix => FeedbackReference.SpeakUpPrefix;

    /// <inheritdoc />
    protected override string WhatItOpens => "a concern";

    /// <inheritdoc />
    protected override ITrackingAttemptLedger Ledger => store;

    /// <inheritdoc />
    protected override Task<(SpeakUpCaseSummary Item, byte[] PassphraseHash)?> FindAsync(string reference, CancellationToken cancellationToken) =>
        store.FindForReporterAsync(reference, cancellationToken);
}
