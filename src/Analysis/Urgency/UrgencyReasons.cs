namespace QualityVoice.Analysis.Urgency;

/// <summary>
/// Why a comment must be read today: the kinds of risk the urgent queue exists for, in the words the quality team and
/// the safeguarding leads use. The lexicon, the labelled urgency set (data/urgency) and the exemplars share them.
/// </summary>
public static class UrgencyReasons
{
    /// <summary>Thoughts of suicide or self-harm, said plainly or not.</summary>
    public const string SuicideOrSelfHarm = "suicide or self-harm";

    /// <summary>A life at risk now: deterioration missed, an emergency not answered.</summary>
    public const string RiskToLife = "risk to life";

    /// <summary>Physical, verbal, psychological, financial or discriminatory abuse.</summary>
    public const string Abuse = "abuse";

    /// <summary>Basic care not given: food, drink, washing, turning, toileting.</summary>
    public const string Neglect = "neglect";

    /// <summary>A child or adult at risk of harm from others: domestic abuse, exploitation, grooming.</summary>
    public const string Safeguarding = "safeguarding";

    /// <summary>Sexual assault, harassment or boundary breaches.</summary>
    public const string SexualMisconduct = "sexual misconduct";

    /// <summary>A medication or clinical error that caused or could cause harm.</summary>
    public const string MedicationOrClinicalError = "medication or clinical error";

    /// <summary>Restraint, seclusion, segregation or chemical restraint.</summary>
    public const string RestraintOrSeclusion = "restraint or seclusion";

    /// <summary>Too few or unskilled staff to keep people safe.</summary>
    public const string UnsafeStaffing = "unsafe staffing";

    /// <summary>Someone harmed for speaking up.</summary>
    public const string DetrimentForSpeakingUp = "detriment for speaking up";

    /// <summary>A service that hides harm and silences people: cover-ups, fear, no visitors.</summary>
    public const string ClosedCulture = "closed culture";

    /// <summary>Every reason, most severe first.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SuicideOrSelfHarm, RiskToLife, Abuse, Neglect, Safeguarding, SexualMisconduct, MedicationOrClinicalError,
        RestraintOrSeclusion, UnsafeStaffing, DetrimentForSpeakingUp, ClosedCulture,
    ];
}
