using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Tests.Insight;

public sealed class EarlyWarningsTests
{
    private static readonly DateOnly Today = new(2026, 11, 19); // a Thursday

    [Fact]
    public void Weeks_start_on_Monday_and_the_recent_window_is_the_last_four_of_them()
    {
        Assert.Equal(new DateOnly(2026, 11, 16), EarlyWarnings.WeekOf(Today));
        Assert.Equal(new DateOnly(2026, 10, 26), EarlyWarnings.RecentFrom(Today));
        Assert.Equal(new DateOnly(2026, 10, 26).AddDays(-7 * 26), EarlyWarnings.BaselineFrom(Today));
    }

    [Theory]
    [InlineData(3, 10, 0.5, 0.9453125)]      // 1 - P(X <= 2) = 1 - (1 + 10 + 45) / 1024
    [InlineData(10, 10, 0.5, 0.0009765625)]  // (1/2)^10
    [InlineData(0, 10, 0.3, 1.0)]
    [InlineData(11, 10, 0.3, 0.0)]
    public void The_binomial_tail_matches_the_exact_sums(int k, int n, double p, double expected)
    {
        Assert.Equal(expected, EarlyWarnings.BinomialUpperTail(k, n, p), 9);
    }

    [Fact]
    public void The_tail_stays_finite_for_large_counts()
    {
        var p = EarlyWarnings.BinomialUpperTail(600, 1000, 0.5);

        Assert.InRange(p, 1e-12, 1e-8); // about 1.4e-10 by the normal approximation
    }

    [Fact]
    public void A_theme_that_turns_negative_at_one_service_is_a_warning_and_a_steady_one_is_not()
    {
        var weeks = new List<WeeklyThemeCount>();
        var baselineFrom = EarlyWarnings.BaselineFrom(Today);
        var recentFrom = EarlyWarnings.RecentFrom(Today);
        for (var week = baselineFrom; week <= EarlyWarnings.WeekOf(Today); week = week.AddDays(7))
        {
            var recent = week >= recentFrom;
            // Waiting times at A&E: 10% negative for half a year, then 60%.
            weeks.Add(new WeeklyThemeCount(week, "rtd-ae", "Waiting times", recent ? 6 : 1, 10));
            // Staff manner at maternity: 30% negative throughout.
            weeks.Add(new WeeklyThemeCount(week, "rtd-maternity", "Staff manner & personal attributes", 3, 10));
        }

        var warnings = EarlyWarnings.Detect(weeks, Today);

        var warning = Assert.Single(warnings);
        Assert.Equal(("rtd-ae", "Waiting times"), (warning.ServiceId, warning.Theme));
        Assert.Equal((24, 40), (warning.RecentNegative, warning.RecentTotal));
        Assert.Equal((26, 260), (warning.BaselineNegative, warning.BaselineTotal));
        Assert.True(warning.PValue < EarlyWarnings.Alpha);
    }

    [Fact]
    public void A_handful_of_complaints_is_anecdote_not_a_signal()
    {
        var recentFrom = EarlyWarnings.RecentFrom(Today);
        WeeklyThemeCount[] weeks =
        [
            new(EarlyWarnings.BaselineFrom(Today), "gp-1", "Access to services", 0, 100),
            new(recentFrom, "gp-1", "Access to services", EarlyWarnings.MinimumRecentNegative - 1, EarlyWarnings.MinimumRecentNegative - 1),
        ];

        Assert.Empty(EarlyWarnings.Detect(weeks, Today));
    }

    [Fact]
    public void Without_enough_history_there_is_no_baseline_to_compare_with()
    {
        var recentFrom = EarlyWarnings.RecentFrom(Today);
        WeeklyThemeCount[] weeks =
        [
            new(EarlyWarnings.BaselineFrom(Today), "gp-1", "Access to services", 0, EarlyWarnings.MinimumBaseline - 1),
            new(recentFrom, "gp-1", "Access to services", 30, 30),
        ];

        Assert.Empty(EarlyWarnings.Detect(weeks, Today));
    }

    [Fact]
    public void Under_no_change_false_alarms_are_rarer_than_the_significance_level_says()
    {
        // 2,000 service-theme pairs that never change (20% negative), simulated: at alpha = 0.0005 we expect
        // about one false alarm, and the exact test is conservative, so never more than a handful.
        var random = new Random(20261119);
        var weeks = new List<WeeklyThemeCount>();
        var baselineFrom = EarlyWarnings.BaselineFrom(Today);
        for (var pair = 0; pair < 2000; pair++)
        {
            for (var week = baselineFrom; week <= EarlyWarnings.WeekOf(Today); week = week.AddDays(7))
            {
                var negative = Enumerable.Range(0, 8).Count(_ => random.NextDouble() < 0.2);
                weeks.Add(new WeeklyThemeCount(week, $"service-{pair}", "Waiting times", negative, 8));
            }
        }

        var alarms = EarlyWarnings.Detect(weeks, Today).Count;

        Assert.InRange(alarms, 0, 5);
    }
}
