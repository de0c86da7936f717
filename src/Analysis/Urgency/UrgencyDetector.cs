using System.Text.RegularExpressions;

namespace QualityVoice.Analysis.Urgency;

/// <summary>
/// Flags comments a person must read today, by a lexicon of words and phrases in eight categories. Recall
/// matters more than precision: it flags "I never felt neglected" too, and a member of staff decides. Its
/// limits (no understanding of negation, sarcasm or misspelling beyond the listed forms) are in the model card.
/// </summary>
public static partial class UrgencyDetector
{
    /// <summary>The categories, each with its lexicon.</summary>
    public static IReadOnlyList<(string Reason, Regex Pattern)> Lexicon { get; } =
    [
        ("risk to life", RiskToLife()),
        ("suicide or self-harm", SelfHarm()),
        ("abuse", Abuse()),
        ("neglect", Neglect()),
        ("safeguarding", Safeguarding()),
        ("sexual misconduct", SexualMisconduct()),
        ("medication harm", MedicationHarm()),
        ("closed culture", ClosedCulture()),
    ];

    /// <summary>Whether a comment is urgent, and the categories whose words it contains.</summary>
    public static (bool Urgent, IReadOnlyList<string> Reasons) Detect(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (false, []);
        }

        var reasons = Lexicon.Where(entry => entry.Pattern.IsMatch(text)).Select(entry => entry.Reason).ToArray();
        return (reasons.Length > 0, reasons);
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(?:(?:nearly|almost|could have|might have|would have) died|(?:going|gonna) to die|life[- ]threatening|not breathing|stopped breathing|couldn'?t breathe|can'?t breathe|collapsed|unconscious|unresponsive|cardiac arrest|sepsis|septic|(?:he|she|they|mum|dad|my \w+) died|death|fatal)\b", Options)]
    private static partial Regex RiskToLife();

    [GeneratedRegex(@"\b(?:suicid\w*|kill (?:my|him|her|them)sel(?:f|ves)|end (?:my|it all|my life)|take my (?:own )?life|self[- ]?harm\w*|harm(?:ing)? myself|hurt(?:ing)? myself|cut(?:ting)? myself|overdos\w*|don'?t want to (?:live|be here)|no reason to live|better off dead|want(?:ed)? to die|wish i was dead)\b", Options)]
    private static partial Regex SelfHarm();

    [GeneratedRegex(@"\b(?:abus\w*|assault\w*|(?:hit|slapped|punched|kicked|pushed|shoved|grabbed|pinched|hurt) (?:me|him|her|them|my \w+)|rough(?:ly)? handl\w*|manhandl\w*|bruis\w*|restrain\w*|threaten\w*|intimidat\w*|humiliat\w*|mock(?:ed|ing))\b", Options)]
    private static partial Regex Abuse();

    [GeneratedRegex(@"\b(?:neglect\w*|left (?:in|on|lying|sitting|alone|for hours|without)\b|soiled|(?:wet|dirty) (?:bed|pad|clothes)|pressure (?:sore|ulcer)s?|bed ?sores?|(?:not|never|wasn'?t|weren'?t) (?:fed|washed|turned|given (?:food|water|a drink))|no (?:food|water|drink) for|dehydrat\w*|starv\w*|malnourish\w*|ignored (?:for|when|my|his|her))", Options)]
    private static partial Regex Neglect();

    [GeneratedRegex(@"\b(?:safeguard\w*|vulnerable (?:adult|child|person)|at risk|child protection|domestic (?:violence|abuse)|coerc\w*|exploit\w*|grooming|modern slavery|trafficking|unsafe (?:at home|discharge))\b", Options)]
    private static partial Regex Safeguarding();

    [GeneratedRegex(@"\b(?:sexual\w*|sexually|inappropriately touch\w*|touched (?:me|her|him) inappropriately|touched my (?:breasts?|bottom|private)|grop\w*|indecen\w*|rape\w*|raped|molest\w*|made advances|flirt\w* with (?:me|her|him)|exposed himself|lewd)\b", Options)]
    private static partial Regex SexualMisconduct();

    [GeneratedRegex(@"\b(?:wrong (?:medication|medicine|drug|dose|tablets?)|medication (?:error|mistake)|missed (?:my |his |her |their )?(?:medication|medicine|dose|insulin|tablets?)|(?:not|never) (?:given|received|got) (?:my |his |her |their )?(?:medication|medicine|insulin|tablets?|pain relief)|double dose|too much (?:medication|morphine)|allergic reaction|anaphyla\w*)\b", Options)]
    private static partial Regex MedicationHarm();

    [GeneratedRegex(@"\b(?:afraid to (?:speak|say|complain|report|raise)|scared to (?:speak|say|complain|report|raise)|frightened to (?:speak|complain|report)|too (?:scared|afraid|frightened) to|told (?:me |us |them )?(?:to keep quiet|to keep it quiet|not to (?:complain|report|say|tell))|keep (?:it )?quiet|cover(?:ed)?[- ]up|covering up|hush(?:ed)? up|fear of (?:reprisal|retribution|repercussions)|victimi[sz]\w*|bull(?:y|ied|ying)|whistle ?blow\w*|culture of fear|closed culture)", Options)]
    private static partial Regex ClosedCulture();
}
