namespace QualityVoice.Feedback.Insight;

/// <summary>
/// Spots a service and theme whose share of negative comments over the last four weeks is significantly above
/// its own baseline (the 26 weeks before), by a one-sided exact binomial test. docs/adr/0009-early-warnings.md has
/// the method and its false-alarm rate.
/// </summary>
public static class EarlyWarnings
{
    /// <summary>The recent window.</summary>
    public const int RecentWeeks = 4;

    /// <summary>The baseline window, immediately before the recent one.</summary>
    public const int BaselineWeeks = 26;

    /// <summary>The significance level of each test.</summary>
    public const double Alpha = 0.0005;

    /// <summary>Fewest negative comments in the recent window for a warning: fewer is anecdote, not a signal.</summary>
    public const int MinimumRecentNegative = 5;

    /// <summary>Fewest comments in the baseline for it to count as one.</summary>
    public const int MinimumBaseline = 20;

    /// <summary>The week (Monday) the recent window starts, for a look taken on <paramref name="today"/>.</summary>
    public static DateOnly RecentFrom(DateOnly today) => WeekOf(today).AddDays(-7 * (RecentWeeks - 1));

    /// <summary>The week (Monday) the baseline starts.</summary>
    public static DateOnly BaselineFrom(DateOnly today) => RecentFrom(today).AddDays(-7 * BaselineWeeks);

    /// <summary>The Monday of a day's week.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The warnings in a set of weekly counts, most significant first.</summary>
    public static IReadOnlyList<EarlyWarning> Detect(IEnumerable<WeeklyThemeCount> weeks, DateOnly today)
    {
        var recentFrom = RecentFrom(today);
        var baselineFrom = BaselineFrom(today);
        var warnings = new List<EarlyWarning>();
        foreach (var group in weeks.Where(week => week.Week >= baselineFrom).GroupBy(week => (week.ServiceId, week.Theme)))
        {
            var recent = group.Where(week => week.Week >= recentFrom).ToArray();
            var baseline = group.Where(week => week.Week < recentFrom).ToArray();
            int k = recent.Sum(week => week.Negative), n = recent.Sum(week => week.Total);
            int bk = baseline.Sum(week => week.Negative), bn = baseline.Sum(week => week.Total);
            if (k < MinimumRecentNegative || bn < MinimumBaseline)
            {
                continue;
            }

            // The baseline rate, smoothed so that a baseline with no negatives still has a small chance of one.
            var expected = (bk + 0.5) / (bn + 1.0);
            var p = BinomialUpperTail(k, n, expected);
            if (p < Alpha)
            {
                warnings.Add(new EarlyWarning(group.Key.ServiceId, group.Key.Theme, k, n, bk, bn, p));
            }
        }

        return warnings.OrderBy(warning => warning.PValue).ToArray();
    }

    /// <summary>P(X ≥ k) for X ~ Binomial(n, p), summed in log space so large n does not underflow.</summary>
    public static double BinomialUpperTail(int k, int n, double p)
    {
        if (k <= 0)
        {
            return 1.0;
        }

        if (k > n)
        {
            return 0.0;
        }

        // log C(n, k) + k log p + (n - k) log(1 - p), then each next term by the ratio of neighbours.
        var logTerm = 0.0;
        for (var i = 0; i < k; i++)
        {
            logTerm += Math.Log(n - i) - Math.Log(i + 1);
        }

        logTerm += (k * Math.Log(p)) + ((n - k) * Math.Log(1 - p));
        var sum = 0.0;
        for (var i = k; i <= n; i++)
        {
            var term = Math.Exp(logTerm);
            sum += term;
            if (term < sum * 1e-16)
            {
                break;
            }

            logTerm += Math.Log(n - i) - Math.Log(i + 1) + Math.Log(p) - Math.Log(1 - p);
        }

        return Math.Min(1.0, sum);
    }
}

/// <summary>A service and theme whose recent negative share is significantly above its baseline.</summary>
/// <param name="ServiceId">The service.</param>
/// <param name="Theme">The sub-category.</param>
/// <param name="RecentNegative">Negative comments in the last four weeks.</param>
/// <param name="RecentTotal">All comments on the theme in the last four weeks.</param>
/// <param name="BaselineNegative">Negative comments in the baseline.</param>
/// <param name="BaselineTotal">All comments in the baseline.</param>
/// <param name="PValue">The chance of a recent share at least this high if nothing had changed.</param>
public sealed record EarlyWarning(string ServiceId, string Theme, int RecentNegative, int RecentTotal, int BaselineNegative, int BaselineTotal, double PValue)
{
    /// <summary>The recent negative share.</summary>
    public double RecentShare => RecentTotal == 0 ? 0 : (double)RecentNegative / RecentTotal;

    /// <summary>The baseline negative share.</summary>
    public double BaselineShare => BaselineTotal == 0 ? 0 : (double)BaselineNegative / BaselineTotal;
}
