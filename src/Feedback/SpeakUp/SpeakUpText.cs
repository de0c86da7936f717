namespace QualityVoice.Feedback.SpeakUp;

/// <summary>A case's answers in the words guardians record them in (the National Guardian's Office's).</summary>
public static class SpeakUpText
{
    /// <summary>A category as the National Guardian's Office names it.</summary>
    public static string Category(SpeakUpCategory category) => category switch
    {
        SpeakUpCategory.PatientSafetyOrQuality => "Element of patient safety or quality",
        SpeakUpCategory.WorkerSafetyOrWellbeing => "Element of worker safety or wellbeing",
        SpeakUpCategory.BullyingOrHarassment => "Element of bullying or harassment",
        SpeakUpCategory.InappropriateAttitudesOrBehaviours => "Element of inappropriate attitudes or behaviours",
        _ => "Other",
    };

    /// <summary>How the person spoke up, and what that means for the guardian.</summary>
    public static string Mode(SpeakUpMode mode) => mode switch
    {
        SpeakUpMode.Open => "Openly: they are happy for their name to be known",
        SpeakUpMode.Confidential => "Confidentially: only guardians know who they are; do not share it without their agreement",
        _ => "Anonymously: nothing that identifies them was kept, and they can only be answered here",
    };

    /// <summary>Their answer about detriment.</summary>
    public static string Detriment(DetrimentAnswer answer) => answer switch
    {
        DetrimentAnswer.Yes => "Yes",
        DetrimentAnswer.No => "No",
        _ => "Not sure, or would rather not say",
    };

    /// <summary>A status in a word or two.</summary>
    public static string Status(SpeakUpStatus status) => status switch
    {
        SpeakUpStatus.Received => "Received",
        SpeakUpStatus.InProgress => "In progress",
        _ => "Closed",
    };
}
