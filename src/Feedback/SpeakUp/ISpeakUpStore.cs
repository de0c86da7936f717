using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Feedback.SpeakUp;

/// <summary>
/// Where Freedom to Speak Up cases are kept: their own store (their own SQLite file, or Cosmos container),
/// never beside patient feedback, and reachable from no patient-feedback code path.
/// </summary>
public interface ISpeakUpStore
{
    /// <summary>Writes a new case durably; a repeated idempotency key writes nothing and returns the first reference.</summary>
    Task<AddResult> AddAsync(SpeakUpRecord record, CancellationToken cancellationToken);

    /// <summary>A case as its reporter sees it, with the passphrase hash to check first; null when unknown.</summary>
    Task<(SpeakUpCaseSummary Case, byte[] PassphraseHash)?> FindForReporterAsync(string reference, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a message to a case's conversation, from the guardian or from the person who spoke up; false when there
    /// is no such case. A guardian's first reply moves a received case to in progress.
    /// </summary>
    Task<bool> AddMessageAsync(string reference, SpeakUpMessage message, CancellationToken cancellationToken);
}
