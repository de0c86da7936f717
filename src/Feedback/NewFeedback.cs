namespace QualityVoice.Feedback;

/// <summary>
/// Patient or carer feedback as a person gives it, through the portal's form or the API, before it is stored.
/// </summary>
/// <param name="Kind">Who is giving the feedback.</param>
/// <param name="ServiceId">The service's id in the content pack, or <see cref="OtherService"/>.</param>
/// <param name="ServiceName">The service's name: the pack's name for it, or what the person typed for "Other".</param>
/// <param name="FftRating">The answer to the Friends and Family Test question.</param>
/// <param name="WhatWasGood">The answer to "What was good?", exactly as typed.</param>
/// <param name="WhatCouldImprove">The answer to "What could we do better?", exactly as typed.</param>
/// <param name="ExperienceMonth">Roughly when the care was, as a month.</param>
/// <param name="CollectionMode">How the response was collected.</param>
/// <param name="ContactEmail">An e-mail address, only when the person consented to be contacted about this.</param>
/// <param name="EqualityMonitoring">Optional equality monitoring answers, stored apart from the text.</param>
public sealed record NewFeedback(
    FeedbackKind Kind,
    string ServiceId,
    string ServiceName,
    FftRating FftRating,
    string? WhatWasGood,
    string? WhatCouldImprove,
    YearMonth? ExperienceMonth,
    CollectionMode CollectionMode,
    string? ContactEmail = null,
    EqualityMonitoring? EqualityMonitoring = null)
{
    /// <summary>The service id that means "a service not in the list"; its name is free text.</summary>
    public const string OtherService = "other";
}
