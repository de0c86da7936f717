using QualityVoice.Analysis;

namespace QualityVoice.Feedback.Insight;

/// <summary>
/// The counts the portal publishes as open data: theme mentions by month, sub-category and sentiment, and FFT
/// answers by month, across the whole ICB, each group passed through <see cref="SmallNumbers"/>.
/// </summary>
public static class OpenDataTables
{
    /// <summary>The sentiments, in the order of the published columns.</summary>
    public static IReadOnlyList<Sentiment> Sentiments { get; } = [Sentiment.Positive, Sentiment.Neutral, Sentiment.Negative, Sentiment.Mixed];

    /// <summary>One row per month and sub-category that anyone mentioned, oldest month first.</summary>
    public static IReadOnlyList<OpenThemeRow> Themes(IEnumerable<ThemeCount> counts, ThemeTaxonomy taxonomy) =>
        counts.Where(count => taxonomy.Find(count.Theme) is not null)
            .GroupBy(count => (count.Month, count.Theme))
            .OrderBy(group => group.Key.Month).ThenBy(group => group.Key.Theme, StringComparer.Ordinal)
            .Select(group =>
            {
                int[] cells = [group.Sum(count => count.Positive), group.Sum(count => count.Neutral), group.Sum(count => count.Negative), group.Sum(count => count.Mixed)];
                var (shown, total) = SmallNumbers.Suppress(cells);
                return new OpenThemeRow(group.Key.Month, taxonomy.Find(group.Key.Theme)!.StrategicTheme, group.Key.Theme, shown, total);
            })
            .Where(row => row.Total != 0)
            .ToArray();

    /// <summary>One row per month with answers, oldest first: each FFT response's count.</summary>
    public static IReadOnlyList<OpenFftRow> Fft(IEnumerable<MonthlyCount> counts) =>
        counts.GroupBy(count => count.Month)
            .OrderBy(group => group.Key)
            .Select(group =>
            {
                var cells = WireName<FftRating>.All.Select(pair => group.Where(count => count.Fft == pair.Value).Sum(count => count.Count)).ToArray();
                var (shown, total) = SmallNumbers.Suppress(cells);
                return new OpenFftRow(group.Key, shown, total);
            })
            .Where(row => row.Total != 0)
            .ToArray();
}

/// <summary>Mentions of one sub-category in one month, by sentiment; null where hidden.</summary>
/// <param name="Month">The month the comments arrived.</param>
/// <param name="StrategicTheme">The strategic theme's slug in the content pack.</param>
/// <param name="SubCategory">The experience framework's sub-category.</param>
/// <param name="BySentiment">Counts in the order of <see cref="OpenDataTables.Sentiments"/>.</param>
/// <param name="Total">All mentions.</param>
public sealed record OpenThemeRow(YearMonth Month, string StrategicTheme, string SubCategory, IReadOnlyList<int?> BySentiment, int? Total);

/// <summary>FFT answers in one month, by response; null where hidden.</summary>
/// <param name="Month">The month the answers arrived.</param>
/// <param name="ByResponse">Counts in the order of the FFT responses (very good first, don't know last).</param>
/// <param name="Total">All answers.</param>
public sealed record OpenFftRow(YearMonth Month, IReadOnlyList<int?> ByResponse, int? Total);
