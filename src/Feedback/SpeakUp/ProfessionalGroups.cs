namespace QualityVoice.Feedback.SpeakUp;

/// <summary>
/// Professional groups, as the NHS's staff groups (Electronic Staff Record) name them, which is how Freedom to
/// Speak Up data is reported; with "Prefer not to say", since in a small team a group can identify someone.
/// </summary>
public static class ProfessionalGroups
{
    /// <summary>The answer for someone who would rather not say.</summary>
    public const string PreferNotToSay = "prefer-not-to-say";

    /// <summary>Each group's wire name and words.</summary>
    public static IReadOnlyList<(string Value, string Text)> All { get; } =
    [
        ("nursing-and-midwifery", "Registered nurses and midwives"),
        ("medical-and-dental", "Medical and dental"),
        ("allied-health-professionals", "Allied health professionals"),
        ("additional-clinical-services", "Additional clinical services (for example, healthcare assistants)"),
        ("healthcare-scientists", "Healthcare scientists"),
        ("scientific-and-technical", "Additional professional, scientific and technical"),
        ("administrative-and-clerical", "Administrative and clerical"),
        ("estates-and-ancillary", "Estates and ancillary"),
        ("students", "Students"),
        ("other", "Other"),
        (PreferNotToSay, "Prefer not to say"),
    ];

    /// <summary>Whether a wire name is one of the groups.</summary>
    public static bool IsGroup(string? value) => All.Any(group => group.Value == value);

    /// <summary>A group's words.</summary>
    public static string TextOf(string? value) => All.FirstOrDefault(group => group.Value == value).Text ?? "Not given";
}
