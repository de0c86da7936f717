namespace QualityVoice.Portal.Features.Feedback;

/// <summary>
/// The answers so far, carried between the feedback form's pages in an encrypted hidden field
/// (see <see cref="Web.Forms.FormDraftProtector{TDraft}"/>). Values are the API's wire names.
/// </summary>
public sealed record FeedbackDraft
{
    /// <summary>Makes pressing "Send" twice, or refreshing the confirmation, harmless.</summary>
    public required string SubmissionKey { get; init; }

    /// <summary>When the person started, for the bot check's minimum fill time.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>patient, carer or other.</summary>
    public string? Kind { get; init; }

    /// <summary>The pack's organisation id, or "other" when it is not in the list.</summary>
    public string? OrganisationId { get; init; }

    /// <summary>The pack's service id, or "other".</summary>
    public string? ServiceId { get; init; }

    /// <summary>The service's name when it was not in the list.</summary>
    public string? OtherServiceName { get; init; }

    /// <summary>Whether the person answered the "when" question (possibly with "not sure").</summary>
    public bool WhenAnswered { get; init; }

    /// <summary>Roughly when, as yyyy-MM; null when they were not sure.</summary>
    public string? Month { get; init; }

    /// <summary>The FFT answer.</summary>
    public string? FftRating { get; init; }

    /// <summary>Whether the person has been past the comments page.</summary>
    public bool CommentsAnswered { get; init; }

    /// <summary>"What was good?"</summary>
    public string? WhatWasGood { get; init; }

    /// <summary>"What could we do better?"</summary>
    public string? WhatCouldImprove { get; init; }

    /// <summary>Whether they agreed to be contacted; null until asked.</summary>
    public bool? ContactConsent { get; init; }

    /// <summary>The address to contact them at, only with consent.</summary>
    public string? ContactEmail { get; init; }

    /// <summary>Whether the equality questions were answered or skipped.</summary>
    public bool EqualityAnswered { get; init; }

    /// <summary>The equality monitoring answers, if any.</summary>
    public EqualityAnswers Equality { get; init; } = new();

    /// <summary>Once the person has reached the check answers page, "Continue" returns them to it.</summary>
    public bool ReachedCheck { get; init; }
}

/// <summary>The optional equality monitoring answers, as wire values.</summary>
public sealed record EqualityAnswers
{
    /// <summary>Age band.</summary>
    public string? AgeBand { get; init; }

    /// <summary>Sex.</summary>
    public string? Sex { get; init; }

    /// <summary>Whether their gender is the same as the sex registered at birth.</summary>
    public string? GenderIdentitySameAsBirth { get; init; }

    /// <summary>Ethnic group.</summary>
    public string? Ethnicity { get; init; }

    /// <summary>Long-term condition or disability.</summary>
    public string? Disability { get; init; }

    /// <summary>Religion or belief.</summary>
    public string? Religion { get; init; }

    /// <summary>Sexual orientation.</summary>
    public string? SexualOrientation { get; init; }
}
