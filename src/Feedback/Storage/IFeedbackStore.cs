using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Feedback.Storage;

/// <summary>
/// Where patient and carer feedback is kept. SQLite is the embedded default; Azure Cosmos DB serves an ICB that
/// outgrows one machine. Both pass the same contract tests. Speak-up cases are in a separate store.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>
    /// Writes a new item durably, with its analysis pending in the same write. An idempotency key that was
    /// seen before writes nothing and returns the first request's reference; the store enforces this with a
    /// unique key, so two racing repeats cannot both be written.
    /// </summary>
    Task<AddResult> AddAsync(FeedbackRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Writes items that arrive analysed and triaged (demonstration data, history from another system) in one
    /// transaction a batch, skipping any whose reference is taken. Returns how many were written.
    /// </summary>
    Task<int> ImportAsync(IReadOnlyList<ImportedFeedback> batch, CancellationToken cancellationToken);

    /// <summary>Finds an item by its reference.</summary>
    Task<FeedbackItem?> FindAsync(string reference, CancellationToken cancellationToken);

    /// <summary>What /track shows for a reference, with the passphrase hash to check first; null when unknown.</summary>
    Task<(TrackedFeedback Item, byte[] PassphraseHash)?> FindForTrackingAsync(string reference, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the contact e-mail address of an item, with any e-mail not yet sent to it: the person withdrew their
    /// consent. False when there is no such item or it had no address.
    /// </summary>
    Task<bool> ForgetContactAsync(string reference, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> items whose analysis is pending and not already claimed, under a lease
    /// that runs out after <paramref name="leaseFor"/>: if the worker dies, another claims them after that.
    /// </summary>
    Task<IReadOnlyList<PendingAnalysis>> ClaimForAnalysisAsync(int max, string leaseToken, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the analyses of items claimed under one lease, in one write where the store allows (so that the
    /// worker takes the write lock once a batch, not once an item), each only if the lease is still this worker's: a
    /// worker whose lease ran out and was taken over cannot overwrite the new one, so nothing is ever analysed twice
    /// visibly. Returns how many were stored.
    /// </summary>
    Task<int> SaveAnalysesAsync(string leaseToken, IReadOnlyList<AnalysedItem> analyses, CancellationToken cancellationToken);

    /// <summary>Gives up on an item's analysis after repeated failures; it stays in the inbox, unanalysed.</summary>
    Task MarkAnalysisFailedAsync(string reference, string leaseToken, CancellationToken cancellationToken);

    /// <summary>Queues for analysis every item not analysed by <paramref name="modelVersion"/>; returns how many.</summary>
    Task<int> RequeueForAnalysisAsync(string modelVersion, CancellationToken cancellationToken);

    /// <summary>How many items wait for analysis.</summary>
    Task<int> CountPendingAnalysisAsync(CancellationToken cancellationToken);

    /// <summary>Every item once, roughly in the order they arrived, read a page at a time (for exports).</summary>
    IAsyncEnumerable<FeedbackItem> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>The most recently submitted items, newest first.</summary>
    Task<IReadOnlyList<FeedbackItem>> ListNewestAsync(int count, CancellationToken cancellationToken);
}

/// <summary>An item's analysis, to be stored.</summary>
/// <param name="Reference">The item.</param>
/// <param name="Analysis">What analysis found.</param>
public sealed record AnalysedItem(string Reference, FeedbackAnalysis Analysis);
