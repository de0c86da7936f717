using QualityVoice.Analysis;
using QualityVoice.Analysis.Urgency;
using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Tests.Insight;

/// <summary>
/// The weekly insights pack against figures worked out by hand: a week at an emergency department that turned
/// negative about waiting, a steady maternity unit, warnings raised, standing and cleared, and speak-up counts at the
/// edges of small-number suppression (0, 1 to 4, 5, and counts the total would give away).
/// </summary>
public sealed class WeeklyInsightsPackTests
{
    private static readonly DateOnly Week = new(2026, 11, 23);

    private static readonly SpeakUpPackRelease All = new(Enum.GetValues<SpeakUpMeasure>(), "guardian@example.nhs.uk", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Feeling_themes_and_services_are_counted_against_the_four_weeks_before()
    {
        var rows = new List<InboxRow>();
        // The week: at A&E 6 negative (5 about waiting) and 4 positive (1 about waiting, 2 about parking); at maternity
        // 2 positive and 1 not analysed yet.
        rows.AddRange(Rows(5, Week.AddDays(1), "A&E", Sentiment.Negative, "Waiting"));
        rows.AddRange(Rows(1, Week.AddDays(2), "A&E", Sentiment.Negative));
        rows.AddRange(Rows(1, Week.AddDays(3), "A&E", Sentiment.Positive, "Waiting"));
        rows.AddRange(Rows(2, Week.AddDays(6), "A&E", Sentiment.Positive, "Parking"));
        rows.AddRange(Rows(1, Week, "A&E", Sentiment.Positive));
        rows.AddRange(Rows(2, Week.AddDays(4), "Maternity", Sentiment.Positive));
        rows.AddRange(Rows(1, Week.AddDays(5), "Maternity", null));

        // The four weeks before (26 October to 22 November): at A&E 4 negative about waiting and 16 positive, 10 of
        // them about parking; at maternity 5 positive.
        rows.AddRange(Rows(4, new DateOnly(2026, 10, 26), "A&E", Sentiment.Negative, "Waiting"));
        rows.AddRange(Rows(10, new DateOnly(2026, 11, 10), "A&E", Sentiment.Positive, "Parking"));
        rows.AddRange(Rows(6, new DateOnly(2026, 11, 22), "A&E", Sentiment.Positive));
        rows.AddRange(Rows(5, new DateOnly(2026, 11, 1), "Maternity", Sentiment.Positive));

        // Either side of the five weeks: not counted.
        rows.AddRange(Rows(3, new DateOnly(2026, 10, 25), "A&E", Sentiment.Negative, "Waiting"));
        rows.AddRange(Rows(3, new DateOnly(2026, 11, 30), "A&E", Sentiment.Negative, "Waiting"));

        var pack = WeeklyInsightsPack.Build(Week, rows, [], [], [], [], [], [], SpeakUpPackRelease.Nothing);

        Assert.Equal((13, 25), (pack.Items, pack.ItemsBefore));
        var positive = pack.Sentiments.Single(row => row.Sentiment == Sentiment.Positive);
        Assert.Equal((6, 13, 21, 25), (positive.Count, positive.Of, positive.CountBefore, positive.OfBefore));
        Assert.Equal((100.0 * 6 / 13) - 84.0, positive.Change, 6);
        var negative = pack.Sentiments.Single(row => row.Sentiment == Sentiment.Negative);
        Assert.Equal((6, 4), (negative.Count, negative.CountBefore));
        Assert.Equal(100.0 * 6 / 13 - 16.0, negative.Change, 6);
        var notAnalysed = pack.Sentiments.Single(row => row.Sentiment is null);
        Assert.Equal((1, 0), (notAnalysed.Count, notAnalysed.CountBefore));
        Assert.Equal(13, pack.Sentiments.Sum(row => row.Count));

        Assert.Equal(["Waiting", "Parking"], pack.Themes.Select(theme => theme.Theme));
        var waiting = pack.Themes[0];
        Assert.Equal((6, 4), (waiting.Mentions, waiting.MentionsBefore));
        Assert.Equal(100.0 * 6 / 13, waiting.Per100!.Value, 6);
        Assert.Equal(16.0, waiting.Per100Before!.Value, 6);
        var parking = pack.Themes[1];
        Assert.Equal(100.0 * 2 / 13 - 40.0, parking.Change, 6);

        // A&E: 6 of 10 analysed negative against 4 of 20; maternity has too few comments to say.
        var service = Assert.Single(pack.RisingNegative);
        Assert.Equal(("A&E", 6, 10, 4, 20), (service.ServiceName, service.Negative, service.Analysed, service.NegativeBefore, service.AnalysedBefore));
        Assert.Equal(40.0, service.Change, 6);
    }

    [Fact]
    public void Warnings_are_raised_standing_or_cleared_by_the_ends_of_the_week_and_the_week_before()
    {
        // Every service and theme has 2 comments a week, none negative, for 40 weeks; then one burst of 6 negative:
        // in this week (raised), in the week before (standing: still in the last four weeks at both ends), or four
        // weeks before this one (cleared: in the last four weeks at the end of the week before, not at this one's).
        var counts = new List<WeeklyThemeCount>();
        foreach (var (service, theme, burst) in new[] { ("a", "Raised", Week), ("b", "Standing", Week.AddDays(-7)), ("c", "Cleared", Week.AddDays(-28)) })
        {
            for (var week = Week.AddDays(-7 * 40); week <= Week; week = week.AddDays(7))
            {
                counts.Add(week == burst ? new WeeklyThemeCount(week, service, theme, 6, 6) : new WeeklyThemeCount(week, service, theme, 0, 2));
            }
        }

        var pack = WeeklyInsightsPack.Build(Week, [], [], [], counts, [], [], [], SpeakUpPackRelease.Nothing);

        Assert.Equal(["Raised"], pack.WarningsRaised.Select(warning => warning.Theme));
        Assert.Equal(["Standing"], pack.WarningsStanding.Select(warning => warning.Theme));
        Assert.Equal(["Cleared"], pack.WarningsCleared.Select(warning => warning.Theme));
        var raised = pack.WarningsRaised[0];
        Assert.Equal((6, 12, 0, 52), (raised.RecentNegative, raised.RecentTotal, raised.BaselineNegative, raised.BaselineTotal));
    }

    [Fact]
    public void Urgent_items_are_listed_oldest_first_with_whether_they_were_read_within_24_hours_of_their_clock_starting()
    {
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        UrgentOutcome[] urgent =
        [
            new("QV-2", at.AddDays(2), at.AddDays(2), "A&E", ["Waiting"], TriageStatus.New, null, null),
            new("QV-1", at, at, "A&E", [], TriageStatus.InProgress, new UrgentAcknowledgement("sam@example.nhs.uk", at.AddHours(3), UrgentResponse.FirstActions[0]), EscalationLevel.Enhanced),
            new("QV-3", at.AddDays(1), at.AddDays(1), "Maternity", [], TriageStatus.Closed, new UrgentAcknowledgement("sam@example.nhs.uk", at.AddDays(2).AddMinutes(1), UrgentResponse.FirstActions[1]), null),

            // Urgent again when the person's answer on /track read as urgent a day after it arrived: read 2 hours after that answer.
            new("QV-4", at.AddHours(1), at.AddDays(1), "Maternity", [], TriageStatus.InProgress, new UrgentAcknowledgement("sam@example.nhs.uk", at.AddDays(1).AddHours(2), UrgentResponse.FirstActions[1]), null),
        ];

        var pack = WeeklyInsightsPack.Build(Week, [], urgent, [], [], [], [], [], SpeakUpPackRelease.Nothing);

        Assert.Equal(["QV-1", "QV-4", "QV-3", "QV-2"], pack.Urgent.Select(item => item.Reference));
        Assert.Equal([true, true, false, false], pack.Urgent.Select(item => item.ReadInTime));
    }

    [Fact]
    public void The_urgency_flag_is_measured_by_staffs_judgements_in_the_week_and_the_five_weeks_to_its_end()
    {
        var rows = new List<InboxRow>();
        rows.AddRange(Rows(40, Week.AddDays(2), "A&E", Sentiment.Negative));
        rows.AddRange(Rows(3, Week.AddDays(2), "A&E", null));
        rows.AddRange(Rows(60, Week.AddDays(-28), "A&E", Sentiment.Positive));
        rows.AddRange(Rows(500, Week.AddDays(-29), "A&E", Sentiment.Positive));
        UrgentQueueRow Urgent(DateOnly day, UrgencyJudgement judgement)
        {
            var row = Rows(1, day, "A&E", Sentiment.Negative).Single() with { Urgent = true };
            var at = row.SubmittedAt;
            var read = new UrgentAcknowledgement("sam@example.nhs.uk", at.AddHours(1), judgement == UrgencyJudgement.NoRiskFound ? UrgentResponse.NoRiskFound : UrgentResponse.FirstActions[0]);
            return judgement switch
            {
                UrgencyJudgement.Awaiting => new(row, null),
                UrgencyJudgement.ActedOn or UrgencyJudgement.NoRiskFound => new(row, read),
                UrgencyJudgement.Missed => new(row, null, null, new UrgentMarking("sam@example.nhs.uk", at.AddHours(2), UrgencyReasons.Abuse)),
                _ => new(row, read, at.AddDays(1)),
            };
        }

        UrgentQueueRow[] urgent =
        [
            // The week (its 40 analysed comments): 2 acted on, 3 false alarms, 1 not read, 1 missed, 1 read after an urgent answer on /track.
            Urgent(Week, UrgencyJudgement.ActedOn), Urgent(Week.AddDays(6), UrgencyJudgement.ActedOn),
            Urgent(Week, UrgencyJudgement.NoRiskFound), Urgent(Week, UrgencyJudgement.NoRiskFound), Urgent(Week, UrgencyJudgement.NoRiskFound),
            Urgent(Week, UrgencyJudgement.Awaiting), Urgent(Week, UrgencyJudgement.Missed), Urgent(Week, UrgencyJudgement.OnAnAnswer),

            // The first day of the four weeks before (its 60): 1 acted on, 1 missed; and the day before them, not counted.
            Urgent(Week.AddDays(-28), UrgencyJudgement.ActedOn), Urgent(Week.AddDays(-28), UrgencyJudgement.Missed),
            Urgent(Week.AddDays(-29), UrgencyJudgement.NoRiskFound),
        ];

        var pack = WeeklyInsightsPack.Build(Week, rows, [], urgent, [], [], [], [], SpeakUpPackRelease.Nothing);

        // What staff did gives each item's judgement (a marking wins; an urgent answer puts the item beyond the measure).
        Assert.Equal(
            [UrgencyJudgement.ActedOn, UrgencyJudgement.ActedOn, UrgencyJudgement.NoRiskFound, UrgencyJudgement.NoRiskFound, UrgencyJudgement.NoRiskFound, UrgencyJudgement.Awaiting, UrgencyJudgement.Missed, UrgencyJudgement.OnAnAnswer, UrgencyJudgement.ActedOn, UrgencyJudgement.Missed, UrgencyJudgement.NoRiskFound],
            urgent.Select(item => item.Judgement));
        Assert.Null(new UrgentQueueRow(rows[0], null).Judgement);
        var week = Assert.IsType<UrgencyFlagInService>(pack.UrgencyFlag);
        Assert.Equal(new UrgencyFlagInService(Week, Week.AddDays(6), 39, 2, 3, 1, 1), week);
        Assert.Equal(6, week.Flagged);

        // Calm so far as anyone knows: 39 − 6 flagged − 1 missed + 3 found to need no action = 35.
        Assert.Equal(new Proportion(3, 35), week.FalseAlarms);
        Assert.Equal(new Proportion(2, 3), week.Caught);
        var weeks = Assert.IsType<UrgencyFlagInService>(pack.UrgencyFlagOverWeeks);
        Assert.Equal(new UrgencyFlagInService(Week.AddDays(-28), Week.AddDays(6), 99, 3, 3, 1, 2), weeks);
        Assert.Equal(new Proportion(3, 99 - 7 - 2 + 3), weeks.FalseAlarms);
        Assert.Equal(new Proportion(3, 5), weeks.Caught);

        // 3 of 35 is 8.6 %, with Wilson's 95 % interval 3.0 % to 22.4 %.
        Assert.Equal(8.57, week.FalseAlarms!.Percent, 2);
        Assert.Equal((2.96, 22.38), (Math.Round(week.FalseAlarms.Interval.Low, 2), Math.Round(week.FalseAlarms.Interval.High, 2)));
    }

    [Fact]
    public void With_nothing_judged_the_urgency_flag_has_no_shares()
    {
        var pack = WeeklyInsightsPack.Build(Week, [], [], [], [], [], [], [], SpeakUpPackRelease.Nothing);

        var week = Assert.IsType<UrgencyFlagInService>(pack.UrgencyFlag);
        Assert.Equal(new UrgencyFlagInService(Week, Week.AddDays(6), 0, 0, 0, 0, 0), week);
        Assert.Null(week.FalseAlarms);
        Assert.Null(week.Caught);
    }

    [Fact]
    public void Updates_that_moved_in_the_week_are_listed_the_latest_first_and_live_ones_counted_by_progress()
    {
        var monday = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        UpdateProgress[] updates =
        [
            new("edited", "Edited this week", null, PublishingState.Published, "in-progress", true, monday.AddDays(1), monday.AddDays(-20), 3),
            new("published", "Published this week", null, PublishingState.Published, "done", true, monday.AddDays(-3), monday.AddDays(4), 0),
            new("old", "Edited a fortnight ago", null, PublishingState.Draft, "planned", false, monday.AddDays(-14), null, 0),
            new("sunday-night", "Saved late on Sunday", null, PublishingState.Draft, "planned", false, new DateTimeOffset(2026, 11, 29, 23, 59, 0, TimeSpan.Zero), null, 0),
        ];

        var pack = WeeklyInsightsPack.Build(Week, [], [], [], [], updates, [], [], SpeakUpPackRelease.Nothing);

        Assert.Equal(["sunday-night", "published", "edited"], pack.Updates.Select(update => update.Slug));
        Assert.Equal([("planned", 0), ("in-progress", 1), ("done", 1)], pack.LiveUpdatesByProgress);
    }

    [Fact]
    public void Speak_up_counts_hide_small_numbers_and_any_count_the_total_would_give_away()
    {
        // No cases: every count is a shown zero.
        var none = WeeklyInsightsPack.Build(Week, [], [], [], [], [], [Case(Week.AddDays(-1)), Case(Week.AddDays(7))], [], All).SpeakUp;
        Assert.Equal(0, none.Cases);
        Assert.Equal(0, none.Anonymous);
        Assert.All(none.Elements, element => Assert.Equal(0, element.Cases));

        // 3 cases: the total is 1 to 4, so it and every count in it is hidden.
        var three = WeeklyInsightsPack.Build(Week, [], [], [], [], [], [Case(Week), Case(Week.AddDays(1)), Case(Week.AddDays(6))], [], All).SpeakUp;
        Assert.Null(three.Cases);
        Assert.Null(three.Anonymous);
        Assert.Null(three.DetrimentIndicated);
        Assert.All(three.Elements, element => Assert.Null(element.Cases));

        // 5 cases, none anonymous, none with detriment, all about patient safety: 5 is shown, and so are the zeros.
        var five = WeeklyInsightsPack.Build(Week, [], [], [], [], [], [.. Enumerable.Range(0, 5).Select(i => Case(Week.AddDays(i)))], [], All).SpeakUp;
        Assert.Equal(5, five.Cases);
        Assert.Equal(0, five.Anonymous);
        Assert.Equal(0, five.DetrimentIndicated);
        Assert.Equal(5, five.Elements.Single(element => element.Element == SpeakUpCategory.PatientSafetyOrQuality).Cases);

        // 7 cases, 2 anonymous: 2 is hidden, and so is 5 (7 − 5 would give the 2 away). One with detriment: hidden
        // with the 6 without. Elements: 7 about safety and 1 also about bullying: the 1 is hidden, and the 7 with it.
        SpeakUpCase[] seven =
        [
            .. Enumerable.Range(0, 5).Select(i => Case(Week.AddDays(i))),
            Case(Week, SpeakUpMode.Anonymous, DetrimentAnswer.Yes, SpeakUpCategory.PatientSafetyOrQuality, SpeakUpCategory.BullyingOrHarassment),
            Case(Week, SpeakUpMode.Anonymous),
        ];
        var summary = WeeklyInsightsPack.Build(Week, [], [], [], [], [], seven, [], All).SpeakUp;
        Assert.Equal(7, summary.Cases);
        Assert.Null(summary.Anonymous);
        Assert.Null(summary.DetrimentIndicated);
        Assert.Null(summary.Elements.Single(element => element.Element == SpeakUpCategory.BullyingOrHarassment).Cases);
        Assert.Null(summary.Elements.Single(element => element.Element == SpeakUpCategory.PatientSafetyOrQuality).Cases);
        Assert.Equal(0, summary.Elements.Single(element => element.Element == SpeakUpCategory.Other).Cases);
    }

    [Fact]
    public void Other_intelligence_is_the_month_the_week_ends_in_by_service_and_channel_the_most_first()
    {
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        IntelligenceCount Count(string service, int month, IntelligenceChannel channel, string subject, int n) => new(service, new YearMonth(2026, month), channel, subject, n, "q", at);
        IntelligenceCount[] counts =
        [
            Count("ae", 11, IntelligenceChannel.Complaints, "Waiting", 3),
            Count("ae", 11, IntelligenceChannel.Complaints, "Communication", 2),
            Count("wards", 11, IntelligenceChannel.Incidents, "Falls", 9),
            Count("wards", 11, IntelligenceChannel.Pals, string.Empty, 0),
            Count("ae", 10, IntelligenceChannel.Complaints, "Waiting", 40),
        ];

        var pack = WeeklyInsightsPack.Build(Week, [], [], [], [], [], [], counts, SpeakUpPackRelease.Nothing);

        Assert.Equal([new ServiceIntelligence("wards", IntelligenceChannel.Incidents, 9), new ServiceIntelligence("ae", IntelligenceChannel.Complaints, 5)], pack.Intelligence);
    }

    [Fact]
    public void Only_the_speak_up_figures_the_guardians_release_are_counted_and_none_until_they_choose()
    {
        SpeakUpCase[] cases = [.. Enumerable.Range(0, 6).Select(i => Case(Week.AddDays(i % 7), i < 5 ? SpeakUpMode.Confidential : SpeakUpMode.Anonymous))];

        var nothing = WeeklyInsightsPack.Build(Week, [], [], [], [], [], cases, [], SpeakUpPackRelease.Nothing).SpeakUp;
        var casesOnly = WeeklyInsightsPack.Build(Week, [], [], [], [], [], cases, [], new([SpeakUpMeasure.Cases], "g", DateTimeOffset.UnixEpoch)).SpeakUp;

        Assert.Equal(new SpeakUpWeekSummary([], null, null, null, []), nothing with { Elements = [] });
        Assert.Empty(nothing.Released);
        Assert.Equal([SpeakUpMeasure.Cases], casesOnly.Released);
        Assert.Equal(6, casesOnly.Cases);
        Assert.Null(casesOnly.Anonymous);
        Assert.Empty(casesOnly.Elements);
    }

    [Fact]
    public void A_week_starts_on_a_monday()
    {
        Assert.Throws<ArgumentException>(() => WeeklyInsightsPack.Build(Week.AddDays(1), [], [], [], [], [], [], [], SpeakUpPackRelease.Nothing));
    }

    private static IEnumerable<InboxRow> Rows(int count, DateOnly day, string service, Sentiment? sentiment, params string[] themes) =>
        Enumerable.Range(0, count).Select(i => new InboxRow(
            $"QV-{service}-{day:MMdd}-{i}-{Guid.NewGuid():N}",
            new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero).AddMinutes(-i),
            service,
            FeedbackKind.Patient,
            FftRating.Good,
            TriageStatus.New,
            sentiment,
            false,
            null,
            themes,
            "Some words"));

    private static SpeakUpCase Case(DateOnly raisedOn, SpeakUpMode mode = SpeakUpMode.Confidential, DetrimentAnswer detriment = DetrimentAnswer.No, params SpeakUpCategory[] categories) =>
        new($"SU-{Guid.NewGuid():N}", mode, categories.Length == 0 ? [SpeakUpCategory.PatientSafetyOrQuality] : categories, detriment, "Nursing", null, "A concern", null, raisedOn, SpeakUpStatus.Received, [], []);
}
