namespace QualityVoice.Feedback;

/// <summary>A stored piece of patient or carer feedback, as the back office reads it.</summary>
/// <param name="Reference">The reference the person was given: the item's identity in every store.</param>
/// <param name="Kind">Who gave it.</param>
/// <param name="ServiceId">The content pack's service id, or <see cref="NewFeedback.OtherService"/>.</param>
/// <param name="ServiceName">The service's name.</param>
/// <param name="FftRating">The Friends and Family Test answer.</param>
/// <param name="WhatWasGood">"What was good?", as typed (staff see the redacted text by default).</param>
/// <param name="WhatCouldImprove">"What could we do better?", as typed.</param>
/// <param name="ExperienceMonth">Roughly when the care was.</param>
/// <param name="CollectionMode">How it was collected.</param>
/// <param name="SubmittedAt">When it arrived.</param>
/// <param name="Status">Where it is in triage.</param>
/// <param name="ConsentedToContact">Whether the person left an e-mail address and agreed to be contacted.</param>
/// <param name="AnalysisState">Whether analysis has run.</param>
/// <param name="Analysis">What analysis found, once it has run.</param>
public sealed record FeedbackItem(
    string Reference,
    FeedbackKind Kind,
    string ServiceId,
    string ServiceName,
    FftRating FftRating,
    string? WhatWasGood,
    string? WhatCouldImprove,
    YearMonth? ExperienceMonth,
    CollectionMode CollectionMode,
    DateTimeOffset SubmittedAt,
    TriageStatus Status,
    bool ConsentedToContact,
    AnalysisState AnalysisState,
    FeedbackAnalysis? Analysis);
