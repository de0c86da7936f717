namespace QualityVoice.Feedback.Outbox;

/// <summary>What waits for analysis: how many items, and when the one that has waited longest was queued.</summary>
/// <param name="Waiting">Items whose analysis is pending.</param>
/// <param name="OldestQueuedAt">When the longest-waiting item was queued (received, or queued again); null when none waits.</param>
public sealed record AnalysisBacklog(int Waiting, DateTimeOffset? OldestQueuedAt)
{
    /// <summary>Nothing waits.</summary>
    public static AnalysisBacklog Empty { get; } = new(0, null);

    /// <summary>How long the longest-waiting item has waited at <paramref name="now"/>; zero when none waits.</summary>
    public TimeSpan OldestWait(DateTimeOffset now) =>
        OldestQueuedAt is { } queued && now > queued ? now - queued : TimeSpan.Zero;
}
