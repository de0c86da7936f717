using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// Rebuilds each month's rollup from the keys its items say they are counted as (<see cref="MonthRollups.RecountAsync"/>),
/// and gives items written before rollups existed their keys. A change whose rollup patch is in flight while a month
/// is recounted would be counted twice, hence: run it while nothing else writes.
/// </summary>
public sealed class CosmosInsightRecount(CosmosContainers containers) : IInsightRecount
{
    /// <inheritdoc />
    public async Task<int> RecountAsync(CancellationToken cancellationToken)
    {
        var items = new CosmosFeedbackItems(containers.Feedback);
        var corrected = 0;
        foreach (var month in await items.MonthsAsync(cancellationToken))
        {
            corrected += await items.Rollups.RecountAsync(month, cancellationToken) ? 1 : 0;
        }

        return corrected;
    }
}
