using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.BackOffice.Features.Reports;

/// <summary>Reads what the weekly insights pack counts from the stores, then builds it (<see cref="WeeklyInsightsPack.Build"/>).</summary>
public sealed class WeeklyInsightsReader(ITriageStore triage, IInsightQueries insight, IUpdateStore updates, ISpeakUpCasework speakUp, ISpeakUpPackRelease release, IOtherIntelligence intelligence)
{
    /// <summary>The pack for the week starting <paramref name="week"/> (a Monday).</summary>
    public async Task<WeeklyInsightsPack> ReadAsync(DateOnly week, CancellationToken cancellationToken)
    {
        var lastDay = week.AddDays(6);

        // The week and the four before: what the pack compares, and the urgency flag's longer measure.
        var fiveWeeks = new InboxFilter { From = week.AddDays(-7 * WeeklyInsightsPack.PreviousWeeks), To = lastDay };
        var rows = new List<InboxRow>();
        await foreach (var row in triage.EveryRowAsync(fiveWeeks, cancellationToken))
        {
            rows.Add(row);
        }

        var urgent = new List<UrgentOutcome>();
        foreach (var row in rows.Where(row => row.Urgent && DateOnly.FromDateTime(row.SubmittedAt.UtcDateTime) >= week))
        {
            if (await triage.GetAsync(row.Reference, cancellationToken) is { } item)
            {
                urgent.Add(UrgentOutcome.Of(item));
            }
        }

        var urgentItems = await triage.UrgentItemsAsync(fiveWeeks, cancellationToken).ToListAsync(cancellationToken);

        // The weeks the early warnings look at, both at this week's end and at the end of the week before.
        var weeklyThemes = await insight.WeeklyThemesAsync(EarlyWarnings.BaselineFrom(week.AddDays(-1)), week, cancellationToken);

        var progress = await UpdateProgress.ReadAllAsync(updates, cancellationToken);

        // Only the figures the guardians release are counted: with none released, no case is read.
        var released = await release.GetAsync(cancellationToken);
        var cases = released.Measures.Count == 0 ? [] : await speakUp.ListAsync(cancellationToken);
        var month = YearMonth.Of(lastDay);
        var other = await intelligence.ReadAsync(month, month, null, cancellationToken);
        return WeeklyInsightsPack.Build(week, rows, urgent, urgentItems, weeklyThemes, progress, cases, other, released);
    }
}
