namespace QualityVoice.Feedback.Triage;

/// <summary>
/// The status workflow, New → Triaged → In progress → Responded → Closed: an item moves forward, or back one step
/// when it was moved too soon; a closed item can be reopened (back to In progress). Closing needs a reason.
/// </summary>
public static class TriageWorkflow
{
    /// <summary>Why an item may be closed, in the words quality teams use.</summary>
    public static IReadOnlyList<string> ClosureReasons { get; } =
    [
        "Acted on: change made",
        "Acted on: shared with the service",
        "Replied to the person",
        "Praise shared with the team",
        "No action needed",
        "Passed to complaints (PALS)",
        "Passed to safeguarding",
        "Duplicate",
    ];

    /// <summary>
    /// Where an item goes when the person answers the team's reply on /track: back to In progress from Responded or
    /// Closed, so that someone reads it; otherwise where it is.
    /// </summary>
    public static TriageStatus AfterThePersonAnswers(TriageStatus status) =>
        status is TriageStatus.Responded or TriageStatus.Closed ? TriageStatus.InProgress : status;

    /// <summary>
    /// Where an item goes when the quality team publishes a reply the person reads on /track: to Responded, unless it
    /// is already there or closed.
    /// </summary>
    public static TriageStatus AfterAReply(TriageStatus status) =>
        status is TriageStatus.New or TriageStatus.Triaged or TriageStatus.InProgress ? TriageStatus.Responded : status;

    /// <summary>Whether an item may move from one status to another.</summary>
    public static bool CanMove(TriageStatus from, TriageStatus to) =>
        from != to && (to > from || from - to == 1 || (from == TriageStatus.Closed && to == TriageStatus.InProgress));
}
