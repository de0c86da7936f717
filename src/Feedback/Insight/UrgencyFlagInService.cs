using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Insight;

/// <summary>
/// How the analysis's urgency flag did on the ICB's own feedback over some weeks, as far as staff's judgements on the
/// urgent items tell (<see cref="UrgencyJudgement"/>): the two measures the urgency model was trained to and measured on
/// its labelled set (docs/clinical-safety.md, hazards H1 and H2), taken in service.
/// <list type="bullet">
/// <item>False alarms: of the comments with no known risk (flagged and found to need no action, or neither flagged nor
/// marked urgent by anyone), the share the analysis flagged.</item>
/// <item>Caught: of the urgent comments staff know of (flagged and acted on, or marked urgent by a member of staff),
/// the share the analysis flagged. It can only count the misses somebody noticed, so it is an upper bound.</item>
/// </list>
/// Items made urgent by the person's answer on /track are left out, and so are flagged items nobody has read yet.
/// </summary>
/// <param name="From">The first day (UTC) of the weeks counted.</param>
/// <param name="To">The last.</param>
/// <param name="Analysed">Comments the analysis read that arrived in those weeks, those made urgent by an answer on /track left out.</param>
/// <param name="ActedOn">Flagged by the analysis and acted on.</param>
/// <param name="NoRiskFound">Flagged by the analysis and found to need no action: false alarms.</param>
/// <param name="Awaiting">Flagged by the analysis and not read yet.</param>
/// <param name="Missed">Not flagged by the analysis, and marked urgent by a member of staff.</param>
public sealed record UrgencyFlagInService(DateOnly From, DateOnly To, int Analysed, int ActedOn, int NoRiskFound, int Awaiting, int Missed)
{
    /// <summary>The comments the analysis flagged.</summary>
    public int Flagged => ActedOn + NoRiskFound + Awaiting;

    /// <summary>False alarms among the comments with no known risk; null when there are none.</summary>
    public Proportion? FalseAlarms => Proportion.Of(NoRiskFound, Analysed - Flagged - Missed + NoRiskFound);

    /// <summary>Flagged among the urgent comments staff know of; null when there are none.</summary>
    public Proportion? Caught => Proportion.Of(ActedOn, ActedOn + Missed);

    /// <summary>Counts the comments that arrived from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last.</param>
    /// <param name="rows">Inbox rows, any days: a row with a sentiment was analysed.</param>
    /// <param name="urgent">The urgent items, any days, with what staff did.</param>
    public static UrgencyFlagInService Count(DateOnly from, DateOnly to, IEnumerable<InboxRow> rows, IEnumerable<UrgentQueueRow> urgent)
    {
        bool Within(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime) is var day && day >= from && day <= to;
        var judged = urgent.Where(item => Within(item.Row.SubmittedAt) && item.Judgement is not null).CountBy(item => item.Judgement!.Value).ToDictionary();
        var analysed = rows.Count(row => row.Sentiment is not null && Within(row.SubmittedAt));
        return new UrgencyFlagInService(
            from,
            to,
            analysed - judged.GetValueOrDefault(UrgencyJudgement.OnAnAnswer),
            judged.GetValueOrDefault(UrgencyJudgement.ActedOn),
            judged.GetValueOrDefault(UrgencyJudgement.NoRiskFound),
            judged.GetValueOrDefault(UrgencyJudgement.Awaiting),
            judged.GetValueOrDefault(UrgencyJudgement.Missed));
    }
}

/// <summary><see cref="Count"/> out of <see cref="OutOf"/>, with Wilson's 95 % interval (<see cref="VoicesHeard.Wilson"/>).</summary>
/// <param name="Count">How many.</param>
/// <param name="OutOf">Out of how many (more than none).</param>
public sealed record Proportion(int Count, int OutOf)
{
    /// <summary>The share, as a percentage.</summary>
    public double Percent => 100.0 * Count / OutOf;

    /// <summary>The 95 % interval, as percentages.</summary>
    public (double Low, double High) Interval
    {
        get
        {
            var (low, high) = VoicesHeard.Wilson(Count, OutOf);
            return (100 * low, 100 * high);
        }
    }

    /// <summary><paramref name="count"/> out of <paramref name="outOf"/>, or null when that is none.</summary>
    public static Proportion? Of(int count, int outOf) => outOf > 0 ? new Proportion(count, outOf) : null;
}
