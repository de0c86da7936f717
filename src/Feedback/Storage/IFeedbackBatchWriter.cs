namespace QualityVoice.Feedback.Storage;

/// <summary>
/// Writes the batches of a long run of new items (a provider's file) as <see cref="IFeedbackStore.AddBatchAsync"/>
/// writes one, but lets the store keep several batches in one transaction: a store whose cost is per transaction (SQLite
/// rewrites every page a transaction touched, and the reference and idempotency indexes are touched at random) writes
/// the run faster in fewer, larger transactions than in many small ones, while the caller holds only one batch in
/// memory at a time. Nothing added since the last commit is durable until <see cref="CommitAsync"/>; disposing without
/// it rolls that part back (importing the file again finishes it: the rows' idempotency keys say what is there).
/// </summary>
public interface IFeedbackBatchWriter : IAsyncDisposable
{
    /// <summary>
    /// Writes a batch as <see cref="IFeedbackStore.AddBatchAsync"/> does and returns each record's outcome, in order;
    /// committed once the transaction holds the rows it was opened for, or at <see cref="CommitAsync"/>.
    /// </summary>
    Task<IReadOnlyList<AddResult>> AddAsync(IReadOnlyList<FeedbackRecord> batch, CancellationToken cancellationToken);

    /// <summary>Makes everything added so far durable.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
