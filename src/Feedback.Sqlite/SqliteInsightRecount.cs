using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>
/// On SQLite the counts are kept by triggers in the same transaction as each item's write, so they cannot be left
/// behind: there is never anything to recount.
/// </summary>
public sealed class SqliteInsightRecount : IInsightRecount
{
    /// <inheritdoc />
    public Task<int> RecountAsync(CancellationToken cancellationToken) => Task.FromResult(0);
}
