using QualityVoice.Analysis;
using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Tests.Insight;

/// <summary>The service quality report against figures worked out by hand, and how its representative comments are chosen.</summary>
public sealed class ServiceQualityReportTests
{
    private static readonly YearMonth September = new(2026, 9);
    private static readonly YearMonth October = new(2026, 10);

    [Fact]
    public void Fft_is_counted_for_the_period_the_period_before_and_each_month_hiding_months_of_1_to_4_responses()
    {
        MonthlyCount[] monthly =
        [
            // The period (September and October): 30 good, 6 very good, 4 poor of 40, then 3 responses in October.
            new(September, "ae", FftRating.Good, "positive", 30),
            new(September, "ae", FftRating.VeryGood, "positive", 6),
            new(September, "ae", FftRating.Poor, "negative", 4),
            new(October, "ae", FftRating.VeryPoor, "negative", 3),
            // The period before (July and August): 10 good of 20.
            new(new YearMonth(2026, 7), "ae", FftRating.Good, "", 10),
            new(new YearMonth(2026, 8), "ae", FftRating.Neither, "neutral", 10),
            // Another service: not counted.
            new(September, "maternity", FftRating.Good, "positive", 100),
        ];

        var report = ServiceQualityReport.Build("ae", "A&E", September, October, monthly, [], (_, _) => null, [], [], []);

        Assert.Equal((43, 36, 7), (report.Fft.Responses, report.Fft.Positive, report.Fft.Negative));
        Assert.Equal(100.0 * 36 / 43, report.Fft.PercentPositive!.Value, 6);
        Assert.Equal((20, 10), (report.FftBefore.Responses, report.FftBefore.Positive));
        Assert.Equal((new YearMonth(2026, 7), new YearMonth(2026, 8)), report.Before);
        Assert.Equal(ServiceQualityReport.TrendMonths, report.Trend.Count);
        Assert.Equal(new YearMonth(2025, 11), report.Trend[0].Month);
        Assert.Equal(October, report.Trend[^1].Month);
        Assert.True(report.Trend[^2].IsShown);
        Assert.False(report.Trend[^1].IsShown);
        Assert.True(report.Trend[0].IsShown);
        // Comments with their feeling read, in the period: 30 + 6 + 4 + 3.
        Assert.Equal(43, report.Comments);
    }

    [Fact]
    public void The_top_themes_each_way_are_the_most_praised_and_most_criticised_with_the_chosen_comment()
    {
        ThemeCount[] themes =
        [
            new(September, "ae", "Waiting", Positive: 1, Neutral: 0, Negative: 9, Mixed: 0, Count: 10),
            new(October, "ae", "Waiting", Positive: 0, Neutral: 0, Negative: 5, Mixed: 1, Count: 6),
            new(September, "ae", "Staff manner", Positive: 12, Neutral: 1, Negative: 2, Mixed: 0, Count: 15),
            new(September, "ae", "Parking", Positive: 0, Neutral: 3, Negative: 0, Mixed: 0, Count: 3),
            new(September, "maternity", "Waiting", Positive: 0, Neutral: 0, Negative: 50, Mixed: 0, Count: 50),
        ];
        var quote = new RepresentativeQuote("QV-1", "The nurse was kind and explained everything", 0.9);

        var report = ServiceQualityReport.Build("ae", "A&E", September, October, [], themes, (theme, feeling) => theme == "Staff manner" && feeling == Sentiment.Positive ? quote : null, [], [], []);

        Assert.Equal([("Staff manner", 12), ("Waiting", 1)], report.Praised.Select(voice => (voice.Theme, voice.Positive)));
        Assert.Equal([("Waiting", 14, 16), ("Staff manner", 2, 15)], report.Criticised.Select(voice => (voice.Theme, voice.Negative, voice.Mentions)));
        Assert.Same(quote, report.Praised[0].Quote);
        Assert.Null(report.Criticised[0].Quote);
    }

    [Fact]
    public void Open_actions_are_the_services_changes_not_done_and_not_taken_down_and_the_level_is_the_latest_recorded()
    {
        var at = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
        UpdateProgress[] updates =
        [
            new("planned", "Planned", "ae", PublishingState.Draft, "planned", false, at, null, 0),
            new("going", "Going", "ae", PublishingState.Published, "in-progress", true, at.AddDays(1), at, 2),
            new("done", "Done", "ae", PublishingState.Published, "done", true, at, at, 0),
            new("withdrawn", "Withdrawn", "ae", PublishingState.Unpublished, "in-progress", false, at, at, 0),
            new("elsewhere", "Elsewhere", "maternity", PublishingState.Draft, "planned", false, at, null, 0),
        ];
        ServiceEscalation[] history =
        [
            new("ae", EscalationLevel.Enhanced, "Rising complaints about waits", "quality@example.nhs.uk", at.AddDays(10)),
            new("ae", EscalationLevel.Routine, "Annual review", "quality@example.nhs.uk", at),
        ];

        var report = ServiceQualityReport.Build("ae", "A&E", September, October, [], [], (_, _) => null, updates, history, []);

        Assert.Equal(["going", "planned"], report.OpenActions.Select(update => update.Slug));
        Assert.Equal(EscalationLevel.Enhanced, report.Escalation!.Level);
        Assert.Equal(2, report.Escalations.Count);
    }

    [Fact]
    public void The_representative_comment_is_the_one_the_analysis_is_surest_of_never_urgent_short_or_of_another_feeling()
    {
        FeedbackItem[] candidates =
        [
            Item("QV-LATEST", "The wait was long but fine really", 0.6, at: 30),
            Item("QV-SUREST", "Six hours in the waiting room with no update at all", 0.95),
            Item("QV-URGENT", "Waited so long I thought I would die, I can't go on", 0.99, urgent: true),
            Item("QV-SHORT", "Long wait", 0.99),
            Item("QV-PRAISE", "The waiting area was comfortable and clean", 0.99, sentiment: Sentiment.Positive),
            Item("QV-LONG", new string('x', RepresentativeQuote.LongestQuote + 1), 0.98),
        ];

        var chosen = RepresentativeQuote.Choose(candidates, "Waiting", Sentiment.Negative);

        Assert.Equal("QV-SUREST", chosen!.Reference);
        Assert.Equal("Six hours in the waiting room with no update at all", chosen.Text);
        Assert.Null(RepresentativeQuote.Choose(candidates.Where(item => item.Reference is "QV-SHORT" or "QV-URGENT"), "Waiting", Sentiment.Negative));
        Assert.Equal("QV-LONG", RepresentativeQuote.Choose(candidates.Where(item => item.Reference is "QV-LONG"), "Waiting", Sentiment.Negative)!.Reference);
    }

    [Fact]
    public void Other_intelligence_is_summed_by_channel_for_the_period_and_the_one_before_with_its_subjects()
    {
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        IntelligenceCount Count(YearMonth month, IntelligenceChannel channel, string subject, int n, string service = "ae") => new(service, month, channel, subject, n, "quality@example.nhs.uk", at);
        IntelligenceCount[] counts =
        [
            Count(September, IntelligenceChannel.Complaints, "Waiting times", 4),
            Count(October, IntelligenceChannel.Complaints, "Waiting times", 3),
            Count(October, IntelligenceChannel.Complaints, "Communication", 5),
            Count(October, IntelligenceChannel.Complaints, "", 2),
            Count(new YearMonth(2026, 8), IntelligenceChannel.Complaints, "", 6),
            Count(October, IntelligenceChannel.Pals, "Communication", 0),
            Count(new YearMonth(2026, 7), IntelligenceChannel.Incidents, "Falls", 2),
            Count(October, IntelligenceChannel.Complaints, "Waiting times", 50, service: "maternity"),
        ];

        var report = ServiceQualityReport.Build("ae", "A&E", September, October, [], [], (_, _) => null, [], [], counts);

        Assert.Equal([IntelligenceChannel.Complaints, IntelligenceChannel.Incidents], report.Intelligence.Select(channel => channel.Channel));
        var complaints = report.Intelligence[0];
        Assert.Equal((14, 6), (complaints.Count, complaints.CountBefore));
        Assert.Equal([new SubjectCount("Waiting times", 7), new SubjectCount("Communication", 5)], complaints.Subjects);
        Assert.Equal((0, 2), (report.Intelligence[1].Count, report.Intelligence[1].CountBefore));
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ServiceQualityReport.Build("ae", "A&E", October, September, [], [], (_, _) => null, [], [], []));
    }

    private static FeedbackItem Item(string reference, string improve, double confidence, Sentiment sentiment = Sentiment.Negative, bool urgent = false, int at = 0)
    {
        var when = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero).AddDays(at);
        var analysis = new FeedbackAnalysis(
            sentiment, 0, [new ThemePrediction("Waiting", confidence)], [], [], sentiment == Sentiment.Positive ? improve : null, sentiment == Sentiment.Positive ? null : improve,
            [], urgent, [], "test", "test-1", when);
        return new FeedbackItem(reference, FeedbackKind.Patient, "ae", "A&E", FftRating.Poor, null, improve, null, CollectionMode.Online, when, TriageStatus.New, false, AnalysisState.Done, analysis);
    }
}
