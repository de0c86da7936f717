namespace QualityVoice.Feedback.SpeakUp;

/// <summary>
/// The Freedom to Speak Up guardians' casework: every case with what the person chose to give. Only the
/// guardians' pages use it; nothing that serves patient feedback or other staff can reach it.
/// </summary>
public interface ISpeakUpCasework
{
    /// <summary>Every case, the most recently raised first.</summary>
    Task<IReadOnlyList<SpeakUpCase>> ListAsync(CancellationToken cancellationToken);

    /// <summary>A case; null when there is none.</summary>
    Task<SpeakUpCase?> GetAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Adds a guardian's note to a case; false when there is no such case.</summary>
    Task<bool> AddNoteAsync(string reference, SpeakUpNote note, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a case to a status: closing it records <paramref name="today"/> as the day it closed (unless it was closed
    /// already), and anything else clears that day; false when there is no such case.
    /// </summary>
    Task<bool> SetStatusAsync(string reference, SpeakUpStatus status, DateOnly today, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a case's details under the retention policy: the concern, who raised it, the organisation they named, the
    /// conversation and the notes; its mode, categories, detriment answer, professional group and days stay, for the
    /// National Guardian's Office data return. False when there is no such case, or its details are gone already.
    /// </summary>
    Task<bool> RemoveDetailsAsync(string reference, DateOnly today, CancellationToken cancellationToken);
}
