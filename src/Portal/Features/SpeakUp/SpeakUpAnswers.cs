namespace QualityVoice.Portal.Features.SpeakUp;

/// <summary>The fields of the speak-up form's pages, as posted.</summary>
public sealed class SpeakUpAnswers
{
    /// <summary>open, confidential or anonymous.</summary>
    public string? Mode { get; set; }

    /// <summary>Their name.</summary>
    public string? Name { get; set; }

    /// <summary>How to contact them.</summary>
    public string? ContactDetails { get; set; }

    /// <summary>An organisation from the pack, "other", or "prefer-not-to-say".</summary>
    public string? Organisation { get; set; }

    /// <summary>The organisation's name when it is not in the list.</summary>
    public string? OtherOrganisation { get; set; }

    /// <summary>Their professional group.</summary>
    public string? ProfessionalGroup { get; set; }

    /// <summary>What the concern is about.</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>yes, no or not-sure.</summary>
    public string? Detriment { get; set; }

    /// <summary>The concern.</summary>
    public string? Concern { get; set; }
}
