namespace QualityVoice.Feedback.Insight;

/// <summary>
/// Rebuilds the counts the insight queries read from the items themselves (<c>./qv recount</c>): the repair for a
/// store whose counts are kept apart from its items and could be left behind by a process stopped between the two
/// writes. Run it while nothing else writes feedback (the apps stopped, or out of hours).
/// </summary>
public interface IInsightRecount
{
    /// <summary>Recounts every month; returns how many months' counts were wrong and are now right.</summary>
    Task<int> RecountAsync(CancellationToken cancellationToken);
}
