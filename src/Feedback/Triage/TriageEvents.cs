using QualityVoice.Analysis;

namespace QualityVoice.Feedback.Triage;

/// <summary>
/// What each change adds to an item's history, in words, whichever store keeps it. The person's own words never go
/// in (a note or a reply is staff's, and is what they wrote).
/// </summary>
public static class TriageEvents
{
    /// <summary>Who the history names as the author of the person's answers on /track.</summary>
    public const string Person = "The person who gave the feedback";

    /// <summary>Moved to a status (closing, with its reason).</summary>
    public static TriageEvent Moved(TriageStatus status, string? closureReason, string actor, DateTimeOffset at) =>
        new(at, actor, "status", status == TriageStatus.Closed ? $"Closed: {closureReason}" : $"Moved to {TriageStatusText.Of(status)}");

    /// <summary>Given to someone, or to nobody.</summary>
    public static TriageEvent Assigned(string? assignee, string actor, DateTimeOffset at) =>
        new(at, actor, "assigned", assignee is null ? "Unassigned" : $"Assigned to {assignee}");

    /// <summary>An escalation level set, with why.</summary>
    public static TriageEvent Escalated(EscalationLevel level, string reason, string actor, DateTimeOffset at) =>
        new(at, actor, "escalated", $"Escalation set to {EscalationText.Of(level)}: {reason}");

    /// <summary>Staff's themes in place of the model's.</summary>
    public static TriageEvent ThemesCorrected(IReadOnlyList<string> themes, string actor, DateTimeOffset at) =>
        new(at, actor, "themes", "Themes set to " + (themes.Count == 0 ? "none" : string.Join("; ", themes)));

    /// <summary>Staff's sentiment in place of the model's.</summary>
    public static TriageEvent SentimentCorrected(Sentiment sentiment, string actor, DateTimeOffset at) =>
        new(at, actor, "sentiment", $"Sentiment set to {WireName<Sentiment>.Of(sentiment)}");

    /// <summary>An internal note.</summary>
    public static TriageEvent Note(string note, string actor, DateTimeOffset at) => new(at, actor, "note", note);

    /// <summary>A reply published on /track.</summary>
    public static TriageEvent Replied(string reply, string actor, DateTimeOffset at) => new(at, actor, "reply", "Published a reply: " + reply);

    /// <summary>An urgent item read, and the first action taken.</summary>
    public static TriageEvent Acknowledged(UrgentAcknowledgement acknowledgement) =>
        new(acknowledgement.At, acknowledgement.By, "acknowledged", $"Read the urgent item. First action: {acknowledgement.FirstAction}");

    /// <summary>A member of staff put an item the analysis had not flagged into the urgent queue.</summary>
    public static TriageEvent MarkedUrgent(UrgentMarking marking) =>
        new(marking.At, marking.By, "marked-urgent", $"Marked urgent: {marking.Reason}. It waits in the urgent queue for someone to read it and act, within 24 hours");

    /// <summary>The person answered on /track (never with their words), and whether the answer made the item urgent.</summary>
    public static TriageEvent Answered(TriageStatus status, bool urgent, DateTimeOffset at) =>
        new(
            at,
            Person,
            "answer",
            $"Answered the reply on /track (status: {TriageStatusText.Of(status)})"
            + (urgent ? ". The answer reads as urgent: it waits in the urgent queue for someone to read it, within 24 hours" : string.Empty));
}
