using QualityVoice.Feedback;

namespace QualityVoice.Portal.Features.Feedback;

/// <summary>The fields of the feedback form's pages, as posted; each page reads only its own.</summary>
public sealed class FeedbackAnswers
{
    /// <summary>Who is giving feedback.</summary>
    public string? Kind { get; set; }

    /// <summary>The chosen organisation's id, or "other".</summary>
    public string? OrganisationId { get; set; }

    /// <summary>The chosen service's id, or "other".</summary>
    public string? ServiceId { get; set; }

    /// <summary>The service's name when it is not in the list.</summary>
    public string? OtherServiceName { get; set; }

    /// <summary>The month of care, 1 to 12.</summary>
    public string? Month { get; set; }

    /// <summary>The year of care.</summary>
    public string? Year { get; set; }

    /// <summary>The FFT answer.</summary>
    public string? FftRating { get; set; }

    /// <summary>What was good.</summary>
    public string? WhatWasGood { get; set; }

    /// <summary>What could be better.</summary>
    public string? WhatCouldImprove { get; set; }

    /// <summary>yes or no.</summary>
    public string? ContactConsent { get; set; }

    /// <summary>The contact address.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>Age band.</summary>
    public string? AgeBand { get; set; }

    /// <summary>Sex.</summary>
    public string? Sex { get; set; }

    /// <summary>Gender identity the same as sex registered at birth.</summary>
    public string? GenderIdentitySameAsBirth { get; set; }

    /// <summary>Ethnic group.</summary>
    public string? Ethnicity { get; set; }

    /// <summary>Long-term condition or disability.</summary>
    public string? Disability { get; set; }

    /// <summary>Religion.</summary>
    public string? Religion { get; set; }

    /// <summary>Sexual orientation.</summary>
    public string? SexualOrientation { get; set; }

    /// <summary>The fields filled in from the answers so far, for a page shown again.</summary>
    public static FeedbackAnswers From(FeedbackDraft draft)
    {
        var month = YearMonth.TryParse(draft.Month, out var parsed) ? parsed : (YearMonth?)null;
        return new FeedbackAnswers
        {
            Kind = draft.Kind,
            OrganisationId = draft.OrganisationId,
            ServiceId = draft.ServiceId,
            OtherServiceName = draft.OtherServiceName,
            Month = month?.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Year = month?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            FftRating = draft.FftRating,
            WhatWasGood = draft.WhatWasGood,
            WhatCouldImprove = draft.WhatCouldImprove,
            ContactConsent = draft.ContactConsent switch { true => "yes", false => "no", null => null },
            ContactEmail = draft.ContactEmail,
            AgeBand = draft.Equality.AgeBand,
            Sex = draft.Equality.Sex,
            GenderIdentitySameAsBirth = draft.Equality.GenderIdentitySameAsBirth,
            Ethnicity = draft.Equality.Ethnicity,
            Disability = draft.Equality.Disability,
            Religion = draft.Equality.Religion,
            SexualOrientation = draft.Equality.SexualOrientation,
        };
    }
}
