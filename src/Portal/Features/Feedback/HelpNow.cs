using QualityVoice.Analysis.Urgency;

namespace QualityVoice.Portal.Features.Feedback;

/// <summary>
/// Whether what someone is about to send says a life may be at risk (suicide or self-harm, or another risk to life),
/// by the urgency lexicon: then the check-answers page shows where to get help now, before they send, because this
/// service is read in days. The lexicon runs in microseconds and never overrules the analysis staff see later.
/// </summary>
public static class HelpNow
{
    private static readonly HashSet<string> DangerNow = [UrgencyReasons.SuicideOrSelfHarm, UrgencyReasons.RiskToLife];

    /// <summary>Whether any of the answers reads as someone in danger now.</summary>
    public static bool IsNeeded(params string?[] answers) =>
        answers.Any(answer => !string.IsNullOrWhiteSpace(answer) && UrgencyDetector.Detect(answer).Reasons.Any(DangerNow.Contains));
}
