using QualityVoice.Analysis;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Insight;

/// <summary>
/// What the weekly Insights Meeting reads for one week (Monday to Sunday, UTC): the urgent items that arrived and
/// what happened to each; the early warnings raised, still standing and cleared by the week's end; how the themes and
/// the feeling of comments moved against the four weeks before; how the analysis's urgency flag did, as staff judged
/// it, in the week and in the five weeks to its end; the services whose negative comments rose; the
/// "you said, we did" updates that moved; and a Freedom to Speak Up summary of counts only, small numbers hidden.
/// </summary>
public sealed record WeeklyInsightsPack
{
    /// <summary>The weeks the week is compared with, immediately before it.</summary>
    public const int PreviousWeeks = 4;

    /// <summary>Fewer analysed comments than this in the week or the four before, and a service's movement is left out as noise.</summary>
    public const int MinimumItems = 10;

    /// <summary>Fewer mentions than this in the week and the four before together, and a theme's movement is left out as noise.</summary>
    public const int MinimumMentions = 5;

    /// <summary>The sentiments in the order the pack shows them (null is "not analysed yet").</summary>
    public static readonly Sentiment?[] SentimentOrder = [Analysis.Sentiment.Positive, Analysis.Sentiment.Neutral, Analysis.Sentiment.Mixed, Analysis.Sentiment.Negative, null];

    /// <summary>The Monday the week starts.</summary>
    public required DateOnly Week { get; init; }

    /// <summary>The Sunday it ends.</summary>
    public DateOnly LastDay => Week.AddDays(6);

    /// <summary>The Monday the four weeks before start.</summary>
    public DateOnly PreviousFrom => Week.AddDays(-7 * PreviousWeeks);

    /// <summary>Pieces of feedback that arrived in the week.</summary>
    public required int Items { get; init; }

    /// <summary>Pieces of feedback that arrived in the four weeks before.</summary>
    public required int ItemsBefore { get; init; }

    /// <summary>The urgent items that arrived in the week, oldest first, with what happened to each.</summary>
    public required IReadOnlyList<UrgentOutcome> Urgent { get; init; }

    /// <summary>
    /// How the analysis's urgency flag did in the week, as staff judged it; null in a pack kept before the pack
    /// measured it (2026-12-02), whose figures are as they were read then.
    /// </summary>
    public UrgencyFlagInService? UrgencyFlag { get; init; }

    /// <summary>How it did over the week and the four before, for a rate with more comments behind it (null as <see cref="UrgencyFlag"/>).</summary>
    public UrgencyFlagInService? UrgencyFlagOverWeeks { get; init; }

    /// <summary>Early warnings standing at the week's end that did not at the end of the week before.</summary>
    public required IReadOnlyList<EarlyWarning> WarningsRaised { get; init; }

    /// <summary>Early warnings standing at the end of both weeks.</summary>
    public required IReadOnlyList<EarlyWarning> WarningsStanding { get; init; }

    /// <summary>Early warnings that stood at the end of the week before and no longer do (as they stood then).</summary>
    public required IReadOnlyList<EarlyWarning> WarningsCleared { get; init; }

    /// <summary>Comments of each feeling in the week and in the four weeks before, in <see cref="SentimentOrder"/>.</summary>
    public required IReadOnlyList<SentimentMovement> Sentiments { get; init; }

    /// <summary>Every theme mentioned in the week or the four before, the most mentioned this week first.</summary>
    public required IReadOnlyList<ThemeWeekMovement> Themes { get; init; }

    /// <summary>Services whose share of negative comments rose on the four weeks before, most first (with enough comments to mean something).</summary>
    public required IReadOnlyList<ServiceWeekMovement> RisingNegative { get; init; }

    /// <summary>"You said, we did" updates edited, approved or published in the week, the latest first.</summary>
    public required IReadOnlyList<UpdateProgress> Updates { get; init; }

    /// <summary>Live updates by how far they have got: planned, in progress, done.</summary>
    public required IReadOnlyList<(string Progress, int Updates)> LiveUpdatesByProgress { get; init; }

    /// <summary>Other intelligence uploaded for the month the week ends in, by service and channel, the most first.</summary>
    public required IReadOnlyList<ServiceIntelligence> Intelligence { get; init; }

    /// <summary>Freedom to Speak Up cases raised in the week, as counts with small numbers hidden.</summary>
    public required SpeakUpWeekSummary SpeakUp { get; init; }

    /// <summary>Builds the pack for the week starting <paramref name="week"/> (a Monday).</summary>
    /// <param name="week">The Monday the week starts.</param>
    /// <param name="rows">Every item that arrived from four weeks before the week to its end.</param>
    /// <param name="urgent">The urgent items that arrived in the week, with what staff did.</param>
    /// <param name="urgentItems">The urgent items that arrived from four weeks before the week to its end, with what staff did, for the urgency flag's measure.</param>
    /// <param name="weeklyThemes">Theme counts by week from the early warnings' baseline before the week before to the week.</param>
    /// <param name="updates">Every "you said, we did" update, with how far its latest version says it has got.</param>
    /// <param name="speakUpCases">Every speak-up case (only counts of those raised in the week leave here).</param>
    /// <param name="intelligence">Other intelligence uploaded for the month the week ends in.</param>
    /// <param name="release">The speak-up figures the guardians release to the pack.</param>
    public static WeeklyInsightsPack Build(
        DateOnly week,
        IReadOnlyList<InboxRow> rows,
        IReadOnlyList<UrgentOutcome> urgent,
        IReadOnlyList<UrgentQueueRow> urgentItems,
        IReadOnlyList<WeeklyThemeCount> weeklyThemes,
        IReadOnlyList<UpdateProgress> updates,
        IEnumerable<SpeakUpCase> speakUpCases,
        IReadOnlyList<IntelligenceCount> intelligence,
        SpeakUpPackRelease release)
    {
        if (week.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException($"A week starts on a Monday; {week:yyyy-MM-dd} is a {week.DayOfWeek}", nameof(week));
        }

        var lastDay = week.AddDays(6);
        var previousFrom = week.AddDays(-7 * PreviousWeeks);
        var thisWeek = rows.Where(row => Within(row.SubmittedAt, week, lastDay)).ToArray();
        var before = rows.Where(row => Within(row.SubmittedAt, previousFrom, week.AddDays(-1))).ToArray();

        var now = EarlyWarnings.Detect(weeklyThemes, lastDay);
        var then = EarlyWarnings.Detect(weeklyThemes.Where(count => count.Week < week), week.AddDays(-1));
        static (string, string) KeyOf(EarlyWarning warning) => (warning.ServiceId, warning.Theme);
        var thenKeys = then.Select(KeyOf).ToHashSet();
        var nowKeys = now.Select(KeyOf).ToHashSet();

        return new WeeklyInsightsPack
        {
            Week = week,
            Items = thisWeek.Length,
            ItemsBefore = before.Length,
            Urgent = [.. urgent.OrderBy(item => item.SubmittedAt)],
            UrgencyFlag = UrgencyFlagInService.Count(week, lastDay, rows, urgentItems),
            UrgencyFlagOverWeeks = UrgencyFlagInService.Count(previousFrom, lastDay, rows, urgentItems),
            WarningsRaised = [.. now.Where(warning => !thenKeys.Contains(KeyOf(warning)))],
            WarningsStanding = [.. now.Where(warning => thenKeys.Contains(KeyOf(warning)))],
            WarningsCleared = [.. then.Where(warning => !nowKeys.Contains(KeyOf(warning)))],
            Sentiments = [.. SentimentOrder.Select(sentiment => new SentimentMovement(
                sentiment, thisWeek.Count(row => row.Sentiment == sentiment), thisWeek.Length, before.Count(row => row.Sentiment == sentiment), before.Length))],
            Themes = ThemeMovements(thisWeek, before),
            RisingNegative = ServiceMovements(thisWeek, before),
            Updates = [.. updates.Where(update => Within(update.EditedAt, week, lastDay) || (update.PublishAt is { } at && Within(at, week, lastDay)))
                .OrderByDescending(update => update.PublishAt is { } at && at > update.EditedAt ? at : update.EditedAt)],
            LiveUpdatesByProgress = [.. UpdateProgress.Steps.Select(step => (step, updates.Count(update => update.IsLive && update.Progress == step)))],
            SpeakUp = SpeakUpWeekSummary.Count(speakUpCases, week, lastDay, release),
            Intelligence = [.. intelligence
                .Where(count => count.Month == YearMonth.Of(lastDay))
                .GroupBy(count => (count.ServiceId, count.Channel))
                .Select(group => new ServiceIntelligence(group.Key.ServiceId, group.Key.Channel, group.Sum(count => count.Count)))
                .Where(line => line.Count > 0)
                .OrderByDescending(line => line.Count).ThenBy(line => line.ServiceId, StringComparer.Ordinal).ThenBy(line => line.Channel)],
        };
    }

    private static bool Within(DateTimeOffset at, DateOnly first, DateOnly last)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day >= first && day <= last;
    }

    private static ThemeWeekMovement[] ThemeMovements(IReadOnlyList<InboxRow> thisWeek, IReadOnlyList<InboxRow> before)
    {
        var now = thisWeek.SelectMany(row => row.Themes.Distinct(StringComparer.Ordinal)).CountBy(theme => theme).ToDictionary(StringComparer.Ordinal);
        var then = before.SelectMany(row => row.Themes.Distinct(StringComparer.Ordinal)).CountBy(theme => theme).ToDictionary(StringComparer.Ordinal);
        return [.. now.Keys.Union(then.Keys, StringComparer.Ordinal)
            .Select(theme => new ThemeWeekMovement(theme, now.GetValueOrDefault(theme), thisWeek.Count, then.GetValueOrDefault(theme), before.Count))
            .OrderByDescending(theme => theme.Mentions).ThenByDescending(theme => theme.MentionsBefore).ThenBy(theme => theme.Theme, StringComparer.Ordinal)];
    }

    private static ServiceWeekMovement[] ServiceMovements(IReadOnlyList<InboxRow> thisWeek, IReadOnlyList<InboxRow> before)
    {
        static Dictionary<string, (int Analysed, int Negative)> Count(IEnumerable<InboxRow> rows) => rows
            .Where(row => row.Sentiment is not null)
            .GroupBy(row => row.ServiceName, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => (group.Count(), group.Count(row => row.Sentiment == Sentiment.Negative)), StringComparer.Ordinal);
        var now = Count(thisWeek);
        var then = Count(before);
        return [.. now
            .Select(pair => new ServiceWeekMovement(pair.Key, pair.Value.Negative, pair.Value.Analysed, then.GetValueOrDefault(pair.Key).Negative, then.GetValueOrDefault(pair.Key).Analysed))
            .Where(service => service.IsMeaningful && service.Change > 0)
            .OrderByDescending(service => service.Change).ThenBy(service => service.ServiceName, StringComparer.Ordinal)];
    }
}

/// <summary>A channel's count for a service in a month.</summary>
/// <param name="ServiceId">The service.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Count">How many.</param>
public sealed record ServiceIntelligence(string ServiceId, IntelligenceChannel Channel, int Count);

/// <summary>An urgent item and what happened to it.</summary>
/// <param name="Reference">The item.</param>
/// <param name="SubmittedAt">When it arrived.</param>
/// <param name="UrgentSince">When its 24-hour clock started (<see cref="TriageItem.UrgentSince"/>): its arrival, or an urgent answer on /track.</param>
/// <param name="ServiceName">The service.</param>
/// <param name="Themes">Its themes.</param>
/// <param name="Status">Where it is in triage now.</param>
/// <param name="Acknowledged">Who read it and the first thing they did; null while it waits.</param>
/// <param name="Escalation">The escalation level set on it, if any.</param>
public sealed record UrgentOutcome(
    string Reference,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UrgentSince,
    string ServiceName,
    IReadOnlyList<string> Themes,
    TriageStatus Status,
    UrgentAcknowledgement? Acknowledged,
    EscalationLevel? Escalation)
{
    /// <summary>Whether it was read within <see cref="UrgentResponse.Within"/> of its clock starting.</summary>
    public bool ReadInTime => Acknowledged is { } read && read.At <= UrgentResponse.DueBy(UrgentSince);

    /// <summary>What happened to an item, for the pack.</summary>
    public static UrgentOutcome Of(TriageItem item) => new(
        item.Item.Reference,
        item.Item.SubmittedAt,
        item.UrgentSince,
        item.Item.ServiceName,
        [.. item.Themes.Select(theme => theme.Name)],
        item.Item.Status,
        item.Acknowledged,
        item.Escalation?.Level);
}

/// <summary>How many comments had a feeling in the week and in the four weeks before.</summary>
/// <param name="Sentiment">The feeling, or null for "not analysed yet".</param>
/// <param name="Count">Comments in the week.</param>
/// <param name="Of">All comments in the week.</param>
/// <param name="CountBefore">Comments in the four weeks before.</param>
/// <param name="OfBefore">All comments in the four weeks before.</param>
public sealed record SentimentMovement(Sentiment? Sentiment, int Count, int Of, int CountBefore, int OfBefore)
{
    /// <summary>The share in the week, as a percentage; null with no comments.</summary>
    public double? Percent => Of == 0 ? null : 100.0 * Count / Of;

    /// <summary>The share in the four weeks before.</summary>
    public double? PercentBefore => OfBefore == 0 ? null : 100.0 * CountBefore / OfBefore;

    /// <summary>The change in percentage points (0 when either has no comments).</summary>
    public double Change => Percent is { } now && PercentBefore is { } then ? now - then : 0;
}

/// <summary>A theme in the week and in the four weeks before.</summary>
/// <param name="Theme">The sub-category.</param>
/// <param name="Mentions">Comments that mention it in the week.</param>
/// <param name="Of">All comments in the week.</param>
/// <param name="MentionsBefore">Comments that mentioned it in the four weeks before.</param>
/// <param name="OfBefore">All comments in the four weeks before.</param>
public sealed record ThemeWeekMovement(string Theme, int Mentions, int Of, int MentionsBefore, int OfBefore)
{
    /// <summary>Mentions per 100 comments in the week.</summary>
    public double? Per100 => Of == 0 ? null : 100.0 * Mentions / Of;

    /// <summary>Mentions per 100 comments in the four weeks before.</summary>
    public double? Per100Before => OfBefore == 0 ? null : 100.0 * MentionsBefore / OfBefore;

    /// <summary>The change in mentions per 100 comments (0 when either has no comments).</summary>
    public double Change => Per100 is { } now && Per100Before is { } then ? now - then : 0;

    /// <summary>Whether there are enough mentions for the movement to mean something.</summary>
    public bool IsMeaningful => OfBefore > 0 && Of > 0 && Mentions + MentionsBefore >= WeeklyInsightsPack.MinimumMentions;
}

/// <summary>A service's negative comments in the week and in the four weeks before.</summary>
/// <param name="ServiceName">The service.</param>
/// <param name="Negative">Negative comments in the week.</param>
/// <param name="Analysed">Analysed comments in the week.</param>
/// <param name="NegativeBefore">Negative comments in the four weeks before.</param>
/// <param name="AnalysedBefore">Analysed comments in the four weeks before.</param>
public sealed record ServiceWeekMovement(string ServiceName, int Negative, int Analysed, int NegativeBefore, int AnalysedBefore)
{
    /// <summary>The share negative in the week, as a percentage.</summary>
    public double? Percent => Analysed == 0 ? null : 100.0 * Negative / Analysed;

    /// <summary>The share negative in the four weeks before.</summary>
    public double? PercentBefore => AnalysedBefore == 0 ? null : 100.0 * NegativeBefore / AnalysedBefore;

    /// <summary>The change in percentage points.</summary>
    public double Change => Percent is { } now && PercentBefore is { } then ? now - then : 0;

    /// <summary>Whether both have enough analysed comments for the change to mean something.</summary>
    public bool IsMeaningful => Analysed >= WeeklyInsightsPack.MinimumItems && AnalysedBefore >= WeeklyInsightsPack.MinimumItems;
}

/// <summary>A "you said, we did" update and how far it has got.</summary>
/// <param name="Slug">Its address.</param>
/// <param name="Title">Its title.</param>
/// <param name="ServiceId">The service it is about, when it is about one.</param>
/// <param name="State">Where it is in the workflow.</param>
/// <param name="Progress">How far its latest version says the change has got: planned, in-progress or done.</param>
/// <param name="IsLive">Whether the portal shows it.</param>
/// <param name="EditedAt">When its latest version was saved.</param>
/// <param name="PublishAt">When it goes, or went, live.</param>
/// <param name="LinkedFeedback">How many feedback items it answers.</param>
public sealed record UpdateProgress(string Slug, string Title, string? ServiceId, PublishingState State, string Progress, bool IsLive, DateTimeOffset EditedAt, DateTimeOffset? PublishAt, int LinkedFeedback)
{
    /// <summary>The steps of progress an update's author chooses from, in order.</summary>
    public static readonly string[] Steps = ["planned", "in-progress", "done"];

    /// <summary>Whether the change it describes is still to finish: not done, and not taken down.</summary>
    public bool IsOpen => Progress != "done" && State != PublishingState.Unpublished;

    /// <summary>An update from its summary and latest version.</summary>
    public static UpdateProgress Of(UpdateSummary summary, UpdateContent latest) =>
        new(summary.Slug, summary.Title, latest.ServiceId, summary.State, latest.Progress, summary.IsLive, summary.EditedAt, summary.PublishAt, summary.LinkedFeedback);

    /// <summary>Every update in <paramref name="updates"/>, with how far its latest version says it has got.</summary>
    public static async Task<IReadOnlyList<UpdateProgress>> ReadAllAsync(IUpdateStore updates, CancellationToken cancellationToken)
    {
        var progress = new List<UpdateProgress>();
        foreach (var summary in await updates.ListAsync(cancellationToken))
        {
            if (await updates.GetAsync(summary.Slug, cancellationToken) is { } update)
            {
                progress.Add(Of(summary, update.Content));
            }
        }

        return progress;
    }
}

/// <summary>
/// Freedom to Speak Up cases raised in a period as counts only — never text, never anything about one person — with
/// counts of 1 to 4, and any count that with the total would reveal one, hidden (<see cref="SmallNumbers"/>), and only
/// the figures the guardians release: the others are not counted here at all.
/// </summary>
/// <param name="Released">The figures the guardians release, in order.</param>
/// <param name="Cases">Cases raised; null when hidden or not released.</param>
/// <param name="Anonymous">Of those, raised anonymously; null when hidden or not released.</param>
/// <param name="DetrimentIndicated">Of those, where the person said they had experienced detriment; null when hidden or not released.</param>
/// <param name="Elements">Cases with each element, in the National Guardian's Office's order; empty when not released, null where hidden.</param>
public sealed record SpeakUpWeekSummary(IReadOnlyList<SpeakUpMeasure> Released, int? Cases, int? Anonymous, int? DetrimentIndicated, IReadOnlyList<ElementCount> Elements)
{
    /// <summary>Counts the cases raised from <paramref name="first"/> to <paramref name="last"/> that <paramref name="release"/> lets out, hiding small numbers.</summary>
    public static SpeakUpWeekSummary Count(IEnumerable<SpeakUpCase> cases, DateOnly first, DateOnly last, SpeakUpPackRelease release)
    {
        var released = Enum.GetValues<SpeakUpMeasure>().Where(release.Releases).ToArray();
        if (released.Length == 0)
        {
            return new SpeakUpWeekSummary([], null, null, null, []);
        }

        var raised = cases.Where(found => found.RaisedOn >= first && found.RaisedOn <= last).ToArray();
        var anonymous = raised.Count(found => found.Mode == SpeakUpMode.Anonymous);
        var detriment = raised.Count(found => found.Detriment == DetrimentAnswer.Yes);

        // Each split of the cases is a group with the cases as its total: hide a count that is small, or that the total
        // and the count shown beside it would give away.
        var (byMode, total) = SmallNumbers.Suppress([anonymous, raised.Length - anonymous]);
        var (byDetriment, _) = SmallNumbers.Suppress([detriment, raised.Length - detriment]);
        var elements = Enum.GetValues<SpeakUpCategory>();
        var (byElement, _) = SmallNumbers.Suppress([.. elements.Select(element => raised.Count(found => found.Categories.Contains(element)))]);
        return new SpeakUpWeekSummary(
            released,
            release.Releases(SpeakUpMeasure.Cases) ? total : null,
            release.Releases(SpeakUpMeasure.Anonymous) && total is not null ? byMode[0] : null,
            release.Releases(SpeakUpMeasure.Detriment) && total is not null ? byDetriment[0] : null,
            release.Releases(SpeakUpMeasure.Elements) ? [.. elements.Select((element, i) => new ElementCount(element, total is null ? null : byElement[i]))] : []);
    }
}

/// <summary>How many cases had an element.</summary>
/// <param name="Element">The element.</param>
/// <param name="Cases">How many; null when hidden.</param>
public sealed record ElementCount(SpeakUpCategory Element, int? Cases);
