namespace QualityVoice.Feedback.Triage;

/// <summary>The words the back office uses for each triage status.</summary>
public static class TriageStatusText
{
    /// <summary>The status as staff read it.</summary>
    public static string Of(TriageStatus status) => status switch
    {
        TriageStatus.New => "New",
        TriageStatus.Triaged => "Triaged",
        TriageStatus.InProgress => "In progress",
        TriageStatus.Responded => "Responded",
        TriageStatus.Closed => "Closed",
        _ => status.ToString(),
    };
}

/// <summary>The words for each escalation level.</summary>
public static class EscalationText
{
    /// <summary>The level as the National Quality Board names it.</summary>
    public static string Of(EscalationLevel level) => level switch
    {
        EscalationLevel.Routine => "Routine",
        EscalationLevel.Enhanced => "Enhanced",
        EscalationLevel.Intensive => "Intensive",
        _ => level.ToString(),
    };

    /// <summary>What the level means, in a line.</summary>
    public static string Meaning(EscalationLevel level) => level switch
    {
        EscalationLevel.Routine => "Managed within the service's usual quality processes",
        EscalationLevel.Enhanced => "Closer surveillance and support from the ICB",
        _ => "A system response with partners and regulators",
    };
}
