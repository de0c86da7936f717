using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.BackOffice.Features.Dashboard;

/// <summary>
/// What the dashboard shows for a period and (optionally) a service, beside the period of the same length just
/// before it: the headline figures and their change, then one answer to each question a quality team asks — how
/// much feedback, how the FFT score and the feeling are moving, which themes are rising and falling, and which
/// services have more negative feedback than before — with the top few of each and the rest on demand.
/// </summary>
public sealed class DashboardReport
{
    /// <summary>How many rows a ranked list shows before "show all".</summary>
    public const int TopN = 5;

    /// <summary>Fewer mentions than this in both periods, and a theme's movement is left out as noise.</summary>
    public const int MinimumMentions = 5;

    /// <summary>Fewer analysed items than this in either period, and a service's movement is left out as noise.</summary>
    public const int MinimumItems = 10;

    /// <summary>The sentiments in the order the dashboard shows them ("" is not analysed yet).</summary>
    public static readonly string[] SentimentOrder = ["positive", "neutral", "mixed", "negative", ""];

    /// <summary>The months of the period, oldest first.</summary>
    public required IReadOnlyList<YearMonth> Months { get; init; }

    /// <summary>The period of the same length just before, for the changes.</summary>
    public required (YearMonth From, YearMonth To) Previous { get; init; }

    /// <summary>The headline figures of the period and of the one before.</summary>
    public required Headline Now { get; init; }

    /// <summary>The headline figures of the period before.</summary>
    public required Headline Before { get; init; }

    /// <summary>Items and FFT scores each month.</summary>
    public required IReadOnlyList<(YearMonth Month, int Items, FftScore Fft)> Volume { get; init; }

    /// <summary>Items of each sentiment each month.</summary>
    public required IReadOnlyList<(YearMonth Month, IReadOnlyDictionary<string, int> BySentiment)> Sentiment { get; init; }

    /// <summary>Every theme mentioned in either period, with its movement, the most mentioned first.</summary>
    public required IReadOnlyList<ThemeMovement> Themes { get; init; }

    /// <summary>Themes whose share of feedback rose most, most first (with enough mentions to mean something).</summary>
    public required IReadOnlyList<ThemeMovement> Rising { get; init; }

    /// <summary>Themes whose share of feedback fell most, most first.</summary>
    public required IReadOnlyList<ThemeMovement> Falling { get; init; }

    /// <summary>Every service with feedback in the period, the most feedback first.</summary>
    public required IReadOnlyList<ServiceMovement> Services { get; init; }

    /// <summary>Services whose share of negative feedback rose, most first (with enough items to mean something).</summary>
    public required IReadOnlyList<ServiceMovement> RisingNegative { get; init; }

    /// <summary>Services and themes whose negative share has risen significantly in the last four weeks.</summary>
    public required IReadOnlyList<EarlyWarning> Warnings { get; init; }

    /// <summary>Builds the report from the counts of the period and of the one before it.</summary>
    public static DashboardReport Build(
        YearMonth from,
        YearMonth to,
        IReadOnlyList<MonthlyCount> monthly,
        IReadOnlyList<ThemeCount> themes,
        IReadOnlyList<MonthlyCount> monthlyBefore,
        IReadOnlyList<ThemeCount> themesBefore,
        IReadOnlyList<EarlyWarning> warnings,
        ContentPack pack)
    {
        var months = MonthsOf(from, to);
        var previous = YearMonth.PeriodBefore(from, to);
        string NameOf(string serviceId) => serviceId == NewFeedback.OtherService ? "Other services" : pack.FindService(serviceId)?.FullName ?? serviceId;

        var byMonth = monthly.ToLookup(row => row.Month);
        var volume = months.Select(month => (month, byMonth[month].Sum(row => row.Count), FftScore.Of(byMonth[month].Select(row => (row.Fft, row.Count))))).ToArray();
        var sentiment = months.Select(month => (month, (IReadOnlyDictionary<string, int>)byMonth[month]
            .GroupBy(row => row.Sentiment).ToDictionary(group => group.Key, group => group.Sum(row => row.Count)))).ToArray();

        var now = Headline.Of(monthly);
        var before = Headline.Of(monthlyBefore);
        var themeMovements = ThemeMovements(themes, themesBefore, now.Items, before.Items);
        var serviceMovements = ServiceMovements(monthly, monthlyBefore, themes, NameOf);

        return new DashboardReport
        {
            Months = months,
            Previous = previous,
            Now = now,
            Before = before,
            Volume = volume,
            Sentiment = sentiment,
            Themes = themeMovements,
            Rising = themeMovements.Where(theme => theme.IsMeaningful && theme.Change > 0)
                .OrderByDescending(theme => theme.Change).ThenBy(theme => theme.Theme, StringComparer.Ordinal).Take(TopN).ToArray(),
            Falling = themeMovements.Where(theme => theme.IsMeaningful && theme.Change < 0)
                .OrderBy(theme => theme.Change).ThenBy(theme => theme.Theme, StringComparer.Ordinal).Take(TopN).ToArray(),
            Services = serviceMovements,
            RisingNegative = serviceMovements.Where(service => service.IsMeaningful && service.Change > 0)
                .OrderByDescending(service => service.Change).ThenBy(service => service.ServiceName, StringComparer.Ordinal).Take(TopN).ToArray(),
            Warnings = warnings,
        };
    }

    private static List<YearMonth> MonthsOf(YearMonth from, YearMonth to)
    {
        var months = new List<YearMonth>();
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        return months;
    }

    private static ThemeMovement[] ThemeMovements(IReadOnlyList<ThemeCount> themes, IReadOnlyList<ThemeCount> themesBefore, int items, int itemsBefore)
    {
        var now = themes.GroupBy(row => row.Theme).ToDictionary(group => group.Key, group => (Mentions: group.Sum(row => row.Count), Negative: group.Sum(row => row.Negative)), StringComparer.Ordinal);
        var before = themesBefore.GroupBy(row => row.Theme).ToDictionary(group => group.Key, group => group.Sum(row => row.Count), StringComparer.Ordinal);
        return now.Keys.Union(before.Keys)
            .Select(theme => new ThemeMovement(
                theme,
                now.GetValueOrDefault(theme).Mentions,
                now.GetValueOrDefault(theme).Negative,
                Per100(now.GetValueOrDefault(theme).Mentions, items),
                before.GetValueOrDefault(theme),
                Per100(before.GetValueOrDefault(theme), itemsBefore)))
            .OrderByDescending(theme => theme.Mentions).ThenBy(theme => theme.Theme, StringComparer.Ordinal)
            .ToArray();
    }

    private static ServiceMovement[] ServiceMovements(
        IReadOnlyList<MonthlyCount> monthly, IReadOnlyList<MonthlyCount> monthlyBefore, IReadOnlyList<ThemeCount> themes, Func<string, string> nameOf)
    {
        var now = monthly.GroupBy(row => row.ServiceId).ToDictionary(group => group.Key, group => Headline.Of(group));
        var before = monthlyBefore.GroupBy(row => row.ServiceId).ToDictionary(group => group.Key, group => Headline.Of(group));
        var topTheme = themes.GroupBy(row => row.ServiceId).ToDictionary(
            group => group.Key,
            group => group.GroupBy(row => row.Theme).OrderByDescending(theme => theme.Sum(row => row.Count)).ThenBy(theme => theme.Key, StringComparer.Ordinal).First().Key);
        return now
            .Select(pair => new ServiceMovement(pair.Key, nameOf(pair.Key), pair.Value, before.GetValueOrDefault(pair.Key, Headline.Empty), topTheme.GetValueOrDefault(pair.Key)))
            .OrderByDescending(service => service.Now.Items).ThenBy(service => service.ServiceName, StringComparer.Ordinal)
            .ToArray();
    }

    private static double? Per100(int count, int of) => of == 0 ? null : 100.0 * count / of;
}

/// <summary>A period's headline figures.</summary>
/// <param name="Items">Pieces of feedback.</param>
/// <param name="Fft">The Friends and Family Test score.</param>
/// <param name="Analysed">Items analysed (with a sentiment).</param>
/// <param name="Negative">Items whose sentiment is negative.</param>
public sealed record Headline(int Items, FftScore Fft, int Analysed, int Negative)
{
    /// <summary>No feedback.</summary>
    public static readonly Headline Empty = new(0, default, 0, 0);

    /// <summary>The share of analysed items that are negative, as a percentage; null with none analysed.</summary>
    public double? PercentNegative => Analysed == 0 ? null : 100.0 * Negative / Analysed;

    /// <summary>The figures of a set of monthly counts.</summary>
    public static Headline Of(IEnumerable<MonthlyCount> counts)
    {
        var rows = counts as IReadOnlyCollection<MonthlyCount> ?? counts.ToArray();
        return new Headline(
            rows.Sum(row => row.Count),
            FftScore.Of(rows.Select(row => (row.Fft, row.Count))),
            rows.Where(row => row.Sentiment.Length > 0).Sum(row => row.Count),
            rows.Where(row => row.Sentiment == "negative").Sum(row => row.Count));
    }
}

/// <summary>A theme in the period and in the one before.</summary>
/// <param name="Theme">The sub-category.</param>
/// <param name="Mentions">Items that mention it in the period.</param>
/// <param name="Negative">Of those, negative about it.</param>
/// <param name="Per100">Mentions per 100 items in the period.</param>
/// <param name="MentionsBefore">Items that mentioned it in the period before.</param>
/// <param name="Per100Before">Mentions per 100 items then.</param>
public sealed record ThemeMovement(string Theme, int Mentions, int Negative, double? Per100, int MentionsBefore, double? Per100Before)
{
    /// <summary>The change in mentions per 100 items (0 when either period had no feedback).</summary>
    public double Change => Per100 is { } now && Per100Before is { } before ? now - before : 0;

    /// <summary>Whether there are enough mentions for the movement to mean something.</summary>
    public bool IsMeaningful => Per100Before is not null && Math.Max(Mentions, MentionsBefore) >= DashboardReport.MinimumMentions;
}

/// <summary>A service in the period and in the one before.</summary>
/// <param name="ServiceId">The service.</param>
/// <param name="ServiceName">Its name.</param>
/// <param name="Now">Its figures in the period.</param>
/// <param name="Before">Its figures in the period before.</param>
/// <param name="TopTheme">Its most mentioned theme in the period.</param>
public sealed record ServiceMovement(string ServiceId, string ServiceName, Headline Now, Headline Before, string? TopTheme)
{
    /// <summary>The change in the share of negative feedback, in percentage points.</summary>
    public double Change => Now.PercentNegative is { } now && Before.PercentNegative is { } before ? now - before : 0;

    /// <summary>Whether both periods have enough analysed items for the change to mean something.</summary>
    public bool IsMeaningful => Now.Analysed >= DashboardReport.MinimumItems && Before.Analysed >= DashboardReport.MinimumItems;
}
