using QualityVoice.Feedback.Outbox;
using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Feedback.Storage;

/// <summary>
/// Where patient and carer feedback is kept. SQLite is the embedded default; Azure Cosmos DB serves an ICB that
/// outgrows one machine. Both pass the same contract tests. Speak-up cases are in a separate store. Code that does
/// one job asks for that job's interface: the analysis worker for <see cref="IAnalysisOutbox"/>, /track for
/// <see cref="ITrackingLookup"/>.
/// </summary>
public interface IFeedbackStore : IAnalysisOutbox, ITrackingLookup
{
    /// <summary>
    /// Writes a new item durably, with its analysis pending in the same write. An idempotency key that was
    /// seen before writes nothing and returns the first request's reference; the store enforces this with a
    /// unique key, so two racing repeats cannot both be written.
    /// </summary>
    Task<AddResult> AddAsync(FeedbackRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a batch of new items that arrive together (the rows of a provider's file), each as
    /// <see cref="AddAsync"/> would, with its analysis pending, in one transaction where the store has them. Returns
    /// each record's outcome, in order: a repeated idempotency key (a row imported before) writes nothing, and a row
    /// whose earlier write stopped part-way is finished. The records of one batch have distinct idempotency keys.
    /// </summary>
    Task<IReadOnlyList<AddResult>> AddBatchAsync(IReadOnlyList<FeedbackRecord> batch, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a writer for a long run of batches (a provider's file), which keeps up to
    /// <paramref name="rowsPerTransaction"/> rows in one transaction where the store has them.
    /// </summary>
    Task<IFeedbackBatchWriter> OpenBatchWriterAsync(int rowsPerTransaction, CancellationToken cancellationToken);

    /// <summary>
    /// Writes items that arrive analysed and triaged (demonstration data, history from another system) in one
    /// transaction a batch, skipping any whose reference is taken. Returns how many were written.
    /// </summary>
    Task<int> ImportAsync(IReadOnlyList<ImportedFeedback> batch, CancellationToken cancellationToken);

    /// <summary>Finds an item by its reference.</summary>
    Task<FeedbackItem?> FindAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Every item once, roughly in the order they arrived, read a page at a time (for exports).</summary>
    IAsyncEnumerable<FeedbackItem> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>The most recently submitted items, newest first.</summary>
    Task<IReadOnlyList<FeedbackItem>> ListNewestAsync(int count, CancellationToken cancellationToken);
}

/// <summary>An item's analysis, to be stored.</summary>
/// <param name="Reference">The item.</param>
/// <param name="Analysis">What analysis found.</param>
public sealed record AnalysedItem(string Reference, FeedbackAnalysis Analysis);
