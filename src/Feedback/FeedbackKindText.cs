namespace QualityVoice.Feedback;

/// <summary>How staff read who gave the feedback.</summary>
public static class FeedbackKindText
{
    /// <summary>The kind's words, such as "Carer, relative or friend".</summary>
    public static string Of(FeedbackKind kind) => kind switch
    {
        FeedbackKind.Patient => "Patient",
        FeedbackKind.Carer => "Carer, relative or friend",
        _ => "Other",
    };
}
