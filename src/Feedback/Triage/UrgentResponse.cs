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
        "Read: no risk found that needs action now",
    ];

    /// <summary>When an item became urgent and its clock must have been stopped by (<paramref name="urgentSince"/>, <see cref="ClockFrom"/>).</summary>
    public static DateTimeOffset DueBy(DateTimeOffset urgentSince) => urgentSince + Within;

    /// <summary>
    /// When an item's clock starts: when it arrived, or, once the person's answer on /track read as urgent, when that
    /// answer arrived (a new risk needs a new 24 hours, not an item already overdue).
    /// </summary>
    public static DateTimeOffset ClockFrom(DateTimeOffset submittedAt, DateTimeOffset? urgentAnswerAt) => urgentAnswerAt ?? submittedAt;

    /// <summary>Whether the person's answer on /track reads as urgent, as a new comment would.</summary>
    public static bool IsUrgentAnswer(string answer) => Analysis.Urgency.UrgencyDetector.Detect(answer).Urgent;

    /// <summary>Whether <paramref name="item"/> can be acknowledged: it is urgent and nobody has yet.</summary>
    public static bool CanAcknowledge(TriageItem item) => item.IsUrgent && item.Acknowledged is null;

    /// <summary>Whether <paramref name="firstAction"/> is one of <see cref="FirstActions"/>.</summary>
    public static bool IsFirstAction(string? firstAction) => firstAction is not null && FirstActions.Contains(firstAction, StringComparer.Ordinal);
}

/// <summary>Who read an urgent item, when, and the first thing they did about it.</summary>
/// <param name="By">The member of staff.</param>
/// <param name="At">When.</param>
/// <param name="FirstAction">One of <see cref="UrgentResponse.FirstActions"/>.</param>
public sealed record UrgentAcknowledgement(string By, DateTimeOffset At, string FirstAction);

/// <summary>An item in the urgent queue: its inbox row, and its acknowledgement once somebody has given one.</summary>
/// <param name="Row">The item.</param>
/// <param name="Acknowledged">Who read it and what they did first; null while it waits.</param>
/// <param name="UrgentAnswerAt">When the person's answer on /track read as urgent, if one did.</param>
public sealed record UrgentQueueRow(InboxRow Row, UrgentAcknowledgement? Acknowledged, DateTimeOffset? UrgentAnswerAt = null)
{
    /// <summary>When its clock started (<see cref="UrgentResponse.ClockFrom"/>).</summary>
    public DateTimeOffset UrgentSince => UrgentResponse.ClockFrom(Row.SubmittedAt, UrgentAnswerAt);
}

/// <summary>An urgent item past its 24 hours without an acknowledgement, to tell the quality team of.</summary>
/// <param name="Reference">The item.</param>
/// <param name="ServiceName">Its service.</param>
/// <param name="SubmittedAt">When it arrived.</param>
/// <param name="UrgentSince">When its clock started: its arrival, or the urgent answer on /track.</param>
public sealed record OverdueUrgentItem(string Reference, string ServiceName, DateTimeOffset SubmittedAt, DateTimeOffset UrgentSince);

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

    /// <summary>Open urgent items still unacknowledged, urgent since before <paramref name="urgentBefore"/>, that nobody was told of.</summary>
    Task<IReadOnlyList<OverdueUrgentItem>> OverdueUntoldAsync(DateTimeOffset urgentBefore, int max, CancellationToken cancellationToken);

    /// <summary>Records that the quality team was told an item is overdue.</summary>
    Task MarkOverdueToldAsync(string reference, DateTimeOffset at, CancellationToken cancellationToken);
}
