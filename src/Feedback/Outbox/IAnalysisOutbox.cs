using QualityVoice.Feedback.Storage;

namespace QualityVoice.Feedback.Outbox;

/// <summary>
/// Items waiting for analysis, as the analysis worker and <c>./qv reanalyse</c> take them: claimed under a lease,
/// saved only while the lease is theirs.
/// </summary>
public interface IAnalysisOutbox
{
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

    /// <summary>Queues for analysis, as of <paramref name="now"/>, every item not analysed by <paramref name="modelVersion"/>; returns how many.</summary>
    Task<int> RequeueForAnalysisAsync(string modelVersion, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many items wait for analysis, and since when the longest-waiting one has.</summary>
    Task<AnalysisBacklog> ReadAnalysisBacklogAsync(CancellationToken cancellationToken);
}
