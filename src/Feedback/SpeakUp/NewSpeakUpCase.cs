namespace QualityVoice.Feedback.SpeakUp;

/// <summary>A Freedom to Speak Up concern as a member of staff raises it, before it is stored.</summary>
/// <param name="Mode">Open, confidential or anonymous.</param>
/// <param name="Categories">What it is about (at least one).</param>
/// <param name="Detriment">Whether they have experienced detriment for speaking up.</param>
/// <param name="ProfessionalGroup">Their staff group's wire name, or prefer-not-to-say.</param>
/// <param name="OrganisationName">Where they work (or where the concern is), or null if they would rather not say.</param>
/// <param name="Concern">The concern in their own words.</param>
/// <param name="Name">Their name: open and confidential only; never kept for anonymous.</param>
/// <param name="ContactDetails">How the guardian can reach them: open and confidential only.</param>
public sealed record NewSpeakUpCase(
    SpeakUpMode Mode,
    IReadOnlyList<SpeakUpCategory> Categories,
    DetrimentAnswer Detriment,
    string ProfessionalGroup,
    string? OrganisationName,
    string Concern,
    string? Name = null,
    string? ContactDetails = null);
