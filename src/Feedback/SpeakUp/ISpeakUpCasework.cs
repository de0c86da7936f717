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

    /// <summary>Moves a case to a status; false when there is no such case.</summary>
    Task<bool> SetStatusAsync(string reference, SpeakUpStatus status, CancellationToken cancellationToken);
}
