using QualityVoice.Analysis;

namespace QualityVoice.Feedback.Insight;

/// <summary>
/// A focused quality report for one service over a period of months: its Friends and Family Test results and their
/// trend, the themes people praised and criticised most with a representative comment for each, the changes still
/// open, and the escalation level recorded for it (Routine, Enhanced or Intensive) with its history.
/// </summary>
public sealed record ServiceQualityReport
{
    /// <summary>How many themes each way the report shows.</summary>
    public const int TopThemes = 5;

    /// <summary>How many months the FFT trend shows, ending with the period's last.</summary>
    public const int TrendMonths = 12;

    /// <summary>The service.</summary>
    public required string ServiceId { get; init; }

    /// <summary>Its name, with its organisation's.</summary>
    public required string ServiceName { get; init; }

    /// <summary>The period's first month.</summary>
    public required YearMonth From { get; init; }

    /// <summary>The period's last month.</summary>
    public required YearMonth To { get; init; }

    /// <summary>The period of the same length just before.</summary>
    public (YearMonth From, YearMonth To) Before => YearMonth.PeriodBefore(From, To);

    /// <summary>FFT responses in the period.</summary>
    public required FftScore Fft { get; init; }

    /// <summary>FFT responses in the period before.</summary>
    public required FftScore FftBefore { get; init; }

    /// <summary>FFT responses each month of the trend, oldest first.</summary>
    public required IReadOnlyList<MonthFft> Trend { get; init; }

    /// <summary>Comments in the period (with their feeling read).</summary>
    public required int Comments { get; init; }

    /// <summary>The themes most praised, most first, each with a representative comment.</summary>
    public required IReadOnlyList<ThemeVoice> Praised { get; init; }

    /// <summary>The themes most criticised, most first, each with a representative comment.</summary>
    public required IReadOnlyList<ThemeVoice> Criticised { get; init; }

    /// <summary>Complaints, PALS, incidents and the rest uploaded for the service, in the period and the one before.</summary>
    public required IReadOnlyList<ChannelSummary> Intelligence { get; init; }

    /// <summary>"You said, we did" changes about the service still to finish.</summary>
    public required IReadOnlyList<UpdateProgress> OpenActions { get; init; }

    /// <summary>Every escalation level recorded for the service, the latest (the current level) first.</summary>
    public required IReadOnlyList<ServiceEscalation> Escalations { get; init; }

    /// <summary>The level recorded now; null when none has been.</summary>
    public ServiceEscalation? Escalation => Escalations.Count == 0 ? null : Escalations[0];

    /// <summary>Builds the report.</summary>
    /// <param name="serviceId">The service.</param>
    /// <param name="serviceName">Its name.</param>
    /// <param name="from">The period's first month.</param>
    /// <param name="to">The period's last month.</param>
    /// <param name="monthly">The service's monthly counts from <see cref="TrendMonths"/> months before <paramref name="to"/>, or from the period before if that is earlier.</param>
    /// <param name="themes">The service's theme counts in the period.</param>
    /// <param name="quotes">The representative comment chosen for a theme and feeling, if any.</param>
    /// <param name="updates">Every "you said, we did" update.</param>
    /// <param name="escalations">The service's escalation history, the latest first.</param>
    /// <param name="intelligence">Other intelligence uploaded for the service, for the period and the one before.</param>
    public static ServiceQualityReport Build(
        string serviceId,
        string serviceName,
        YearMonth from,
        YearMonth to,
        IReadOnlyList<MonthlyCount> monthly,
        IReadOnlyList<ThemeCount> themes,
        Func<string, Sentiment, RepresentativeQuote?> quotes,
        IReadOnlyList<UpdateProgress> updates,
        IReadOnlyList<ServiceEscalation> escalations,
        IReadOnlyList<IntelligenceCount> intelligence)
    {
        if (from > to)
        {
            throw new ArgumentException("The period must end on or after it starts", nameof(to));
        }

        var before = YearMonth.PeriodBefore(from, to);
        var mine = monthly.Where(row => row.ServiceId == serviceId).ToArray();
        FftScore Score(YearMonth first, YearMonth last) =>
            FftScore.Of(mine.Where(row => row.Month >= first && row.Month <= last).Select(row => (row.Fft, row.Count)));

        var byTheme = themes.Where(row => row.ServiceId == serviceId).GroupBy(row => row.Theme, StringComparer.Ordinal)
            .Select(group => (Theme: group.Key, Mentions: group.Sum(row => row.Count), Positive: group.Sum(row => row.Positive), Negative: group.Sum(row => row.Negative)))
            .ToArray();
        ThemeVoice[] Top(Sentiment feeling, Func<(string Theme, int Mentions, int Positive, int Negative), int> count) => [.. byTheme
            .Where(theme => count(theme) > 0)
            .OrderByDescending(count).ThenBy(theme => theme.Theme, StringComparer.Ordinal)
            .Take(TopThemes)
            .Select(theme => new ThemeVoice(theme.Theme, theme.Mentions, theme.Positive, theme.Negative, quotes(theme.Theme, feeling)))];

        return new ServiceQualityReport
        {
            ServiceId = serviceId,
            ServiceName = serviceName,
            From = from,
            To = to,
            Escalations = escalations,
            Fft = Score(from, to),
            FftBefore = Score(before.From, before.To),
            Trend = [.. Enumerable.Range(0, TrendMonths).Select(back => to.AddMonths(back - TrendMonths + 1)).Select(month => new MonthFft(month, Score(month, month)))],
            Comments = mine.Where(row => row.Month >= from && row.Month <= to && row.Sentiment.Length > 0).Sum(row => row.Count),
            Praised = Top(Sentiment.Positive, theme => theme.Positive),
            Criticised = Top(Sentiment.Negative, theme => theme.Negative),
            OpenActions = [.. updates.Where(update => update.ServiceId == serviceId && update.IsOpen).OrderByDescending(update => update.EditedAt)],
            Intelligence = ChannelSummary.Of([.. intelligence.Where(count => count.ServiceId == serviceId)], (from, to), before),
        };
    }
}

/// <summary>A month's FFT responses.</summary>
/// <param name="Month">The month.</param>
/// <param name="Fft">Its responses.</param>
public sealed record MonthFft(YearMonth Month, FftScore Fft)
{
    /// <summary>Whether there are enough responses for a percentage to be shown (1 to 4 could point to a person).</summary>
    public bool IsShown => Fft.Responses == 0 || Fft.Responses >= SmallNumbers.Threshold;
}

/// <summary>A theme people praised or criticised, and a comment that says it in their words.</summary>
/// <param name="Theme">The sub-category.</param>
/// <param name="Mentions">Comments that mention it in the period.</param>
/// <param name="Positive">Of those, positive about it.</param>
/// <param name="Negative">Of those, negative about it.</param>
/// <param name="Quote">The representative comment, its personal details hidden; null when none would do.</param>
public sealed record ThemeVoice(string Theme, int Mentions, int Positive, int Negative, RepresentativeQuote? Quote);

/// <summary>
/// A comment chosen to stand for what many said about a theme: the one the analysis is surest is about the theme
/// with that feeling, of a length a report can quote, never an urgent one, and never chosen for being the latest.
/// </summary>
/// <param name="Reference">The item it comes from.</param>
/// <param name="Text">Its words with personal details hidden.</param>
/// <param name="Confidence">How sure the analysis was of the theme.</param>
public sealed record RepresentativeQuote(string Reference, string Text, double Confidence)
{
    /// <summary>Fewer characters than this says too little to quote.</summary>
    public const int ShortestQuote = 20;

    /// <summary>More characters than this is too long to quote whole; such a comment is chosen only when nothing shorter will do.</summary>
    public const int LongestQuote = 400;

    /// <summary>The representative comment among <paramref name="candidates"/> for <paramref name="theme"/> and <paramref name="feeling"/>.</summary>
    public static RepresentativeQuote? Choose(IEnumerable<FeedbackItem> candidates, string theme, Sentiment feeling) => candidates
        .Where(item => item.Analysis is { Urgent: false } analysis && analysis.SentimentAbout(theme) == feeling)
        .Select(item => (Item: item, Text: TextOf(item.Analysis!, feeling), Confidence: item.Analysis!.Themes.FirstOrDefault(prediction => prediction.Name == theme)?.Confidence ?? 0))
        .Where(candidate => candidate.Text.Length >= ShortestQuote)
        .OrderBy(candidate => candidate.Text.Length > LongestQuote)
        .ThenByDescending(candidate => candidate.Confidence)
        .ThenBy(candidate => candidate.Item.Reference, StringComparer.Ordinal)
        .Select(candidate => new RepresentativeQuote(candidate.Item.Reference, candidate.Text, candidate.Confidence))
        .FirstOrDefault();

    // Praise is usually in the answer to "what was good", criticism in "what could be better": the answer that
    // matches the feeling, or else the other.
    private static string TextOf(FeedbackAnalysis analysis, Sentiment feeling)
    {
        var (first, second) = feeling == Sentiment.Positive
            ? (analysis.RedactedWhatWasGood, analysis.RedactedWhatCouldImprove)
            : (analysis.RedactedWhatCouldImprove, analysis.RedactedWhatWasGood);
        return (string.IsNullOrWhiteSpace(first) ? second : first)?.Trim() ?? string.Empty;
    }
}
