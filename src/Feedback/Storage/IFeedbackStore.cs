using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Feedback.Storage;

/// <summary>
/// Where patient and carer feedback is kept. SQLite is the embedded default; Azure Cosmos DB serves an ICB that
/// outgrows one machine. Both pass the same contract tests. Speak-up cases are in a separate store.
/// </summary>
public interface IFeedbackStore : ITrackingAttemptLedger
{
    /// <summary>
    /// Writes a new item durably, with its analysis pending in the same write. An idempotency key that was
    /// seen before writes nothing and returns the first request's reference; the store enforces this with a
    /// unique key, so two racing repeats cannot both be written.
    /// </summary>
    Task<AddResult> AddAsync(FeedbackRecord record, CancellationToken cancellationToken);

    /// <summary>Finds an item by its reference.</summary>
    Task<FeedbackItem?> FindAsync(string reference, CancellationToken cancellationToken);

    /// <summary>What /track shows for a reference, with the passphrase hash to check first; null when unknown.</summary>
    Task<(TrackedFeedback Item, byte[] PassphraseHash)?> FindForTrackingAsync(string reference, CancellationToken cancellationToken);

    /// <summary>The most recent items, newest first.</summary>
    Task<IReadOnlyList<FeedbackItem>> ListNewestAsync(int count, CancellationToken cancellationToken);
}
