using QualityVoice.Feedback;

namespace QualityVoice.Cli.Seeding;

/// <summary>
/// A triage status that fits a seeded item's age, for the synthetic and the demonstration stores alike: most items
/// under three days old are new, most over a month old are closed.
/// </summary>
internal static class SeededStatus
{
    /// <summary>The status for an item of <paramref name="age"/>, given a uniform <paramref name="roll"/> in [0, 1).</summary>
    public static TriageStatus For(TimeSpan age, double roll) => age.TotalDays switch
    {
        < 3 => roll < 0.8 ? TriageStatus.New : TriageStatus.Triaged,
        < 30 => roll switch { < 0.2 => TriageStatus.New, < 0.5 => TriageStatus.Triaged, < 0.7 => TriageStatus.InProgress, < 0.8 => TriageStatus.Responded, _ => TriageStatus.Closed },
        _ => roll switch { < 0.05 => TriageStatus.InProgress, < 0.2 => TriageStatus.Responded, _ => TriageStatus.Closed },
    };
}
