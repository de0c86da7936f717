namespace QualityVoice.Feedback.SpeakUp;

/// <summary>A case as the guardian works it: everything the person chose to give, and the conversation.</summary>
/// <param name="Reference">The case's reference.</param>
/// <param name="Mode">Open, confidential or anonymous.</param>
/// <param name="Categories">The National Guardian's Office categories the person chose.</param>
/// <param name="Detriment">Whether they have experienced detriment for speaking up.</param>
/// <param name="ProfessionalGroup">Their professional group.</param>
/// <param name="OrganisationName">Their organisation, when they gave it.</param>
/// <param name="Concern">The concern in their words.</param>
/// <param name="ProtectedIdentity">Their name and contact details as Data Protection ciphertext; never for anonymous cases.</param>
/// <param name="RaisedOn">The day it was raised.</param>
/// <param name="Status">Where it is.</param>
/// <param name="Messages">The conversation, oldest first.</param>
/// <param name="Notes">The guardians' own notes, oldest first.</param>
/// <param name="ClosedOn">The day the guardian closed it; null while it is open.</param>
/// <param name="DetailsRemovedOn">
/// The day the retention policy removed its details (the concern, who raised it, the conversation and the notes),
/// keeping what the National Guardian's Office data return counts.
/// </param>
public sealed record SpeakUpCase(
    string Reference,
    SpeakUpMode Mode,
    IReadOnlyList<SpeakUpCategory> Categories,
    DetrimentAnswer Detriment,
    string ProfessionalGroup,
    string? OrganisationName,
    string Concern,
    string? ProtectedIdentity,
    DateOnly RaisedOn,
    SpeakUpStatus Status,
    IReadOnlyList<SpeakUpMessage> Messages,
    IReadOnlyList<SpeakUpNote> Notes,
    DateOnly? ClosedOn = null,
    DateOnly? DetailsRemovedOn = null)
{
    /// <summary>Whether the person's last message is waiting for the guardian's answer.</summary>
    public bool AwaitsGuardian => Status != SpeakUpStatus.Closed && (Messages.Count == 0 || !Messages[^1].FromGuardian);
}
