namespace QualityVoice.Portal.Features.SpeakUp;

/// <summary>The speak-up answers so far, carried between pages encrypted; nothing is stored until "Send".</summary>
public sealed record SpeakUpDraft
{
    /// <summary>Makes pressing "Send" twice harmless.</summary>
    public required string SubmissionKey { get; init; }

    /// <summary>When the person started, for the bot check's minimum fill time.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>open, confidential or anonymous.</summary>
    public string? Mode { get; init; }

    /// <summary>Their name (not for anonymous).</summary>
    public string? Name { get; init; }

    /// <summary>How to contact them (not for anonymous).</summary>
    public string? ContactDetails { get; init; }

    /// <summary>Whether the "where" page has been answered.</summary>
    public bool WhereAnswered { get; init; }

    /// <summary>The organisation, or null if they would rather not say.</summary>
    public string? OrganisationName { get; init; }

    /// <summary>Their professional group.</summary>
    public string? ProfessionalGroup { get; init; }

    /// <summary>What the concern is about.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Whether they have experienced detriment for speaking up.</summary>
    public string? Detriment { get; init; }

    /// <summary>The concern.</summary>
    public string? Concern { get; init; }

    /// <summary>Once at the check page, "Continue" returns there.</summary>
    public bool ReachedCheck { get; init; }

    /// <summary>Whether the person chose to stay anonymous.</summary>
    public bool IsAnonymous => Mode == "anonymous";
}
