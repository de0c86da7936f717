namespace QualityVoice.Feedback.Triage;

/// <summary>
/// The urgent queue's promise: a person reads every urgent item, and acts on it, within 24 hours of its arriving.
/// Acknowledging an item records who read it and the first thing they did, and stops its clock; an item still
/// unacknowledged when its 24 hours run out is overdue, and the quality team is told.
/// </summary>
public static class UrgentResponse
{
    /// <summary>How long an urgent item may wait for a person to read it and act.</summary>
    public static readonly TimeSpan Within = TimeSpan.FromHours(24);

    /// <summary>The first actions a member of staff may record, in the words quality teams use.</summary>
    public static IReadOnlyList<string> FirstActions { get; } =
    [
        "Passed to safeguarding",
        "Contacted the person",
        "Passed to the service's manager",
        "Passed to the Freedom to Speak Up guardian",
        "Passed to complaints (PALS)",
        NoRiskFound,
    ];

    /// <summary>The first action that says the analysis was wrong: a false alarm, which teaches the next urgency model.</summary>
    public const string NoRiskFound = "Read: no risk found that needs action now";

    /// <summary>When an item became urgent and its clock must have been stopped by (<paramref name="urgentSince"/>, <see cref="ClockFrom"/>).</summary>
    public static DateTimeOffset DueBy(DateTimeOffset urgentSince) => urgentSince + Within;

    /// <summary>
    /// When an item's clock starts: when it arrived; once the person's answer on /track read as urgent, when that
    /// answer arrived; once a member of staff marked it urgent, then (a new risk needs a new 24 hours, not an item
    /// already overdue). The latest of these.
    /// </summary>
    public static DateTimeOffset ClockFrom(DateTimeOffset submittedAt, DateTimeOffset? urgentAnswerAt, DateTimeOffset? markedUrgentAt)
    {
        var since = submittedAt;
        foreach (var later in new[] { urgentAnswerAt, markedUrgentAt })
        {
            since = later > since ? later.Value : since;
        }

        return since;
    }

    /// <summary>Whether the person's answer on /track reads as urgent, as a new comment would.</summary>
    public static bool IsUrgentAnswer(string answer) => Analysis.Urgency.UrgencyDetector.Detect(answer).Urgent;

    /// <summary>
    /// What started an item's clock, from when it started (<see cref="ClockFrom"/>): a marking at that moment, its
    /// arrival, or else the person's urgent answer.
    /// </summary>
    public static UrgentClockStart WhatStartedTheClock(DateTimeOffset urgentSince, DateTimeOffset submittedAt, UrgentMarking? markedUrgent) =>
        urgentSince == markedUrgent?.At ? UrgentClockStart.Marking
        : urgentSince == submittedAt ? UrgentClockStart.Arrival
        : UrgentClockStart.UrgentAnswer;

    /// <summary>
    /// What staff's handling of an item says about the analysis's urgency flag on it (<see cref="UrgencyJudgement"/>);
    /// null when it is not urgent (no risk has been seen in it). A marking means the analysis missed it; an urgent
    /// answer on /track puts the item beyond the flag's measure, since whoever read it then read the answer.
    /// </summary>
    /// <param name="urgent">Whether the item is urgent, for whatever reason.</param>
    /// <param name="acknowledged">Who read it and what they did first, if anyone has.</param>
    /// <param name="urgentAnswerAt">When the person's answer on /track read as urgent, if one did.</param>
    /// <param name="markedUrgent">Who marked it urgent, if a member of staff did.</param>
    public static UrgencyJudgement? Judge(bool urgent, UrgentAcknowledgement? acknowledged, DateTimeOffset? urgentAnswerAt, UrgentMarking? markedUrgent) =>
        markedUrgent is not null ? UrgencyJudgement.Missed
        : urgentAnswerAt is not null ? UrgencyJudgement.OnAnAnswer
        : !urgent ? null
        : acknowledged is null ? UrgencyJudgement.Awaiting
        : acknowledged.FirstAction == NoRiskFound ? UrgencyJudgement.NoRiskFound
        : UrgencyJudgement.ActedOn;

    /// <summary>Whether <paramref name="item"/> can be acknowledged: it is urgent and nobody has yet.</summary>
    public static bool CanAcknowledge(TriageItem item) => item.IsUrgent && item.Acknowledged is null;

    /// <summary>
    /// Whether a member of staff can mark <paramref name="item"/> urgent: the analysis missed it (it is not urgent) and
    /// it is not closed (the urgent queue holds open items).
    /// </summary>
    public static bool CanMarkUrgent(TriageItem item) => !item.IsUrgent && item.Item.Status != TriageStatus.Closed;

    /// <summary>Whether <paramref name="reason"/> is one of the urgency reasons (<see cref="Analysis.Urgency.UrgencyReasons.All"/>).</summary>
    public static bool IsUrgencyReason(string? reason) => reason is not null && Analysis.Urgency.UrgencyReasons.All.Contains(reason, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="firstAction"/> is one of <see cref="FirstActions"/>.</summary>
    public static bool IsFirstAction(string? firstAction) => firstAction is not null && FirstActions.Contains(firstAction, StringComparer.Ordinal);
}

/// <summary>Who read an urgent item, when, and the first thing they did about it.</summary>
/// <param name="By">The member of staff.</param>
/// <param name="At">When.</param>
/// <param name="FirstAction">One of <see cref="UrgentResponse.FirstActions"/>.</param>
public sealed record UrgentAcknowledgement(string By, DateTimeOffset At, string FirstAction);

/// <summary>What started an item's 24-hour clock (<see cref="UrgentResponse.WhatStartedTheClock"/>).</summary>
public enum UrgentClockStart
{
    /// <summary>It arrived reading as urgent.</summary>
    Arrival,

    /// <summary>The person's answer on /track read as urgent.</summary>
    UrgentAnswer,

    /// <summary>A member of staff marked it urgent.</summary>
    Marking,
}

/// <summary>
/// What staff's handling of an urgent item says about the analysis's urgency flag on it (<see cref="UrgentResponse.Judge"/>):
/// the measure of the flag on the ICB's own feedback (docs/clinical-safety.md, hazards H1 and H2).
/// </summary>
public enum UrgencyJudgement
{
    /// <summary>The analysis flagged it and nobody has read it yet.</summary>
    Awaiting,

    /// <summary>The analysis flagged it, and the person who read it acted: the flag was right.</summary>
    ActedOn,

    /// <summary>The analysis flagged it, and the person who read it found no risk that needed action: a false alarm.</summary>
    NoRiskFound,

    /// <summary>The analysis did not flag it, and a member of staff marked it urgent: the analysis missed it.</summary>
    Missed,

    /// <summary>The person's answer on /track made it urgent: what staff did is about the answer, not the analysis's flag.</summary>
    OnAnAnswer,
}

/// <summary>
/// A member of staff put an item the analysis had not flagged into the urgent queue: who, when, and the urgency reason
/// they saw. It teaches the next urgency model (the back office's urgency training download).
/// </summary>
/// <param name="By">The member of staff.</param>
/// <param name="At">When; the item's 24-hour clock runs from then.</param>
/// <param name="Reason">One of <see cref="Analysis.Urgency.UrgencyReasons.All"/>.</param>
public sealed record UrgentMarking(string By, DateTimeOffset At, string Reason);

/// <summary>An item in the urgent queue: its inbox row, and its acknowledgement once somebody has given one.</summary>
/// <param name="Row">The item.</param>
/// <param name="Acknowledged">Who read it and what they did first; null while it waits.</param>
/// <param name="UrgentAnswerAt">When the person's answer on /track read as urgent, if one did.</param>
/// <param name="MarkedUrgent">Who marked it urgent, when and why, if a member of staff did.</param>
public sealed record UrgentQueueRow(InboxRow Row, UrgentAcknowledgement? Acknowledged, DateTimeOffset? UrgentAnswerAt = null, UrgentMarking? MarkedUrgent = null)
{
    /// <summary>When its clock started (<see cref="UrgentResponse.ClockFrom"/>).</summary>
    public DateTimeOffset UrgentSince => UrgentResponse.ClockFrom(Row.SubmittedAt, UrgentAnswerAt, MarkedUrgent?.At);

    /// <summary>What started its clock.</summary>
    public UrgentClockStart ClockStart => UrgentResponse.WhatStartedTheClock(UrgentSince, Row.SubmittedAt, MarkedUrgent);

    /// <summary>What staff's handling of it says about the analysis's urgency flag (<see cref="UrgentResponse.Judge"/>).</summary>
    public UrgencyJudgement? Judgement => UrgentResponse.Judge(Row.Urgent, Acknowledged, UrgentAnswerAt, MarkedUrgent);
}

/// <summary>An urgent item past its 24 hours without an acknowledgement, to tell the quality team of.</summary>
/// <param name="Reference">The item.</param>
/// <param name="ServiceName">Its service.</param>
/// <param name="SubmittedAt">When it arrived.</param>
/// <param name="UrgentSince">When its clock started: its arrival, the urgent answer on /track, or a marking.</param>
/// <param name="MarkedUrgent">Who marked it urgent, when and why, if a member of staff did.</param>
public sealed record OverdueUrgentItem(string Reference, string ServiceName, DateTimeOffset SubmittedAt, DateTimeOffset UrgentSince, UrgentMarking? MarkedUrgent = null)
{
    /// <summary>What started its clock.</summary>
    public UrgentClockStart ClockStart => UrgentResponse.WhatStartedTheClock(UrgentSince, SubmittedAt, MarkedUrgent);
}

/// <summary>
/// The urgent queue: unacknowledged items first, oldest first, then the acknowledged ones still open; acknowledging;
/// and the overdue items the quality team has not yet been told of.
/// </summary>
public interface IUrgentQueue
{
    /// <summary>Urgent items that are not closed: unacknowledged first, then acknowledged; oldest first in each.</summary>
    Task<IReadOnlyList<UrgentQueueRow>> ListAsync(int max, CancellationToken cancellationToken);

    /// <summary>
    /// Records the acknowledgement of an urgent item, once: false when the item is not there, not urgent, or
    /// somebody acknowledged it first.
    /// </summary>
    Task<bool> AcknowledgeAsync(string reference, UrgentAcknowledgement acknowledgement, CancellationToken cancellationToken);

    /// <summary>
    /// Puts an item the analysis did not flag into the urgent queue (<see cref="UrgentResponse.CanMarkUrgent"/>), its
    /// clock from the marking: false when the item is not there, already urgent, or closed.
    /// </summary>
    Task<bool> MarkUrgentAsync(string reference, UrgentMarking marking, CancellationToken cancellationToken);

    /// <summary>Open urgent items still unacknowledged, urgent since before <paramref name="urgentBefore"/>, that nobody was told of.</summary>
    Task<IReadOnlyList<OverdueUrgentItem>> OverdueUntoldAsync(DateTimeOffset urgentBefore, int max, CancellationToken cancellationToken);

    /// <summary>Records that the quality team was told an item is overdue.</summary>
    Task MarkOverdueToldAsync(string reference, DateTimeOffset at, CancellationToken cancellationToken);
}
