using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.BackOffice.Features.Dashboard;

/// <summary>
/// What the dashboard shows for a period and (optionally) a service, computed from the monthly and weekly counts:
/// volume and FFT scores by month, sentiment by month, theme trends, top themes by service, a theme × service table
/// and the early warnings.
/// </summary>
public sealed class DashboardReport
{
    /// <summary>How many themes the trend and the theme × service table show.</summary>
    public const int TopThemes = 10;

    /// <summary>The months of the period, oldest first.</summary>
    public required IReadOnlyList<YearMonth> Months { get; init; }

    /// <summary>Items and FFT scores each month.</summary>
    public required IReadOnlyList<(YearMonth Month, int Items, FftScore Fft)> Volume { get; init; }

    /// <summary>The period's FFT score.</summary>
    public required FftScore Fft { get; init; }

    /// <summary>Items of each sentiment each month (positive, neutral, mixed, negative, not analysed).</summary>
    public required IReadOnlyList<(YearMonth Month, IReadOnlyDictionary<string, int> BySentiment)> Sentiment { get; init; }

    /// <summary>The period's most mentioned themes, most first.</summary>
    public required IReadOnlyList<string> Themes { get; init; }

    /// <summary>Mentions of each top theme each month.</summary>
    public required IReadOnlyList<(YearMonth Month, IReadOnlyDictionary<string, int> ByTheme)> ThemeTrend { get; init; }

    /// <summary>Each service's top themes, with how many mentions and how many negative.</summary>
    public required IReadOnlyList<(string ServiceId, string ServiceName, int Items, IReadOnlyList<(string Theme, int Mentions, int Negative)> Top)> ByService { get; init; }

    /// <summary>Mentions of each top theme at each service: [theme][service].</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ThemeByService { get; init; }

    /// <summary>Services with most feedback first, for the table's columns.</summary>
    public required IReadOnlyList<(string ServiceId, string ServiceName)> Services { get; init; }

    /// <summary>Services and themes whose negative share has risen significantly.</summary>
    public required IReadOnlyList<EarlyWarning> Warnings { get; init; }

    /// <summary>The sentiments in the order the dashboard shows them.</summary>
    public static readonly string[] SentimentOrder = ["positive", "neutral", "mixed", "negative", ""];

    /// <summary>Builds the report from the counts.</summary>
    public static DashboardReport Build(
        YearMonth from,
        YearMonth to,
        IReadOnlyList<MonthlyCount> monthly,
        IReadOnlyList<ThemeCount> themes,
        IReadOnlyList<EarlyWarning> warnings,
        ContentPack pack)
    {
        var months = new List<YearMonth>();
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        string NameOf(string serviceId) => serviceId == NewFeedback.OtherService ? "Other services" : pack.FindService(serviceId)?.FullName ?? serviceId;

        // One pass over each set of counts into dictionaries; the tables are then lookups, not rescans.
        var byMonth = monthly.ToLookup(row => row.Month);
        var volume = months.Select(month => (month, byMonth[month].Sum(row => row.Count), FftScore.Of(byMonth[month].Select(row => (row.Fft, row.Count))))).ToArray();
        var sentiment = months.Select(month => (month, (IReadOnlyDictionary<string, int>)byMonth[month]
            .GroupBy(row => row.Sentiment).ToDictionary(group => group.Key, group => group.Sum(row => row.Count)))).ToArray();

        var mentions = new Dictionary<string, int>(StringComparer.Ordinal);
        var monthTheme = new Dictionary<(YearMonth Month, string Theme), int>();
        var serviceTheme = new Dictionary<(string ServiceId, string Theme), (int Mentions, int Negative)>();
        foreach (var row in themes)
        {
            mentions[row.Theme] = mentions.GetValueOrDefault(row.Theme) + row.Count;
            monthTheme[(row.Month, row.Theme)] = monthTheme.GetValueOrDefault((row.Month, row.Theme)) + row.Count;
            var (all, negative) = serviceTheme.GetValueOrDefault((row.ServiceId, row.Theme));
            serviceTheme[(row.ServiceId, row.Theme)] = (all + row.Count, negative + row.Negative);
        }

        var topThemes = mentions.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(TopThemes).Select(pair => pair.Key).ToArray();
        var trend = months.Select(month => (month, (IReadOnlyDictionary<string, int>)topThemes.ToDictionary(
            theme => theme, theme => monthTheme.GetValueOrDefault((month, theme))))).ToArray();
        var services = monthly.GroupBy(row => row.ServiceId).OrderByDescending(group => group.Sum(row => row.Count))
            .Select(group => (group.Key, NameOf(group.Key), group.Sum(row => row.Count))).ToArray();
        var themesOfService = serviceTheme.ToLookup(pair => pair.Key.ServiceId);
        var byService = services.Select(service => (service.Item1, service.Item2, service.Item3,
            (IReadOnlyList<(string, int, int)>)themesOfService[service.Item1]
                .Select(pair => (pair.Key.Theme, pair.Value.Mentions, pair.Value.Negative))
                .OrderByDescending(top => top.Mentions).ThenBy(top => top.Theme, StringComparer.Ordinal).Take(5).ToArray())).ToArray();
        var themeByService = topThemes.ToDictionary(
            theme => theme,
            theme => (IReadOnlyDictionary<string, int>)services.Where(service => serviceTheme.ContainsKey((service.Item1, theme)))
                .ToDictionary(service => service.Item1, service => serviceTheme[(service.Item1, theme)].Mentions),
            StringComparer.Ordinal);

        return new DashboardReport
        {
            Months = months,
            Volume = volume,
            Fft = FftScore.Of(monthly.Select(row => (row.Fft, row.Count))),
            Sentiment = sentiment,
            Themes = topThemes,
            ThemeTrend = trend,
            ByService = byService,
            ThemeByService = themeByService,
            Services = services.Select(service => (service.Item1, service.Item2)).ToArray(),
            Warnings = warnings,
        };
    }
}
