namespace QualityVoice.Feedback;

/// <summary>
/// Optional equality monitoring answers. Every answer may be null (not answered) or "prefer-not-to-say".
/// They are stored with the service and month only, never with the feedback item, so that nobody can
/// casually join a person's characteristics to what they wrote.
/// </summary>
public sealed record EqualityMonitoring(
    string? AgeBand,
    string? Sex,
    string? GenderIdentitySameAsBirth,
    string? Ethnicity,
    string? Disability,
    string? Religion,
    string? SexualOrientation)
{
    /// <summary>Whether any question was answered.</summary>
    public bool IsEmpty => AgeBand is null && Sex is null && GenderIdentitySameAsBirth is null && Ethnicity is null
        && Disability is null && Religion is null && SexualOrientation is null;
}
