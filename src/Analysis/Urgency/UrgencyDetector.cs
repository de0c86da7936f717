using System.Text.RegularExpressions;

namespace QualityVoice.Analysis.Urgency;

/// <summary>
/// The urgency lexicon: words and phrases for each reason a comment must be read today. It is explainable (the
/// matched phrase is the evidence) and it is the floor under the learned urgency model (UrgencyModel), which reads
/// meaning the words miss. Alone (the fast analyzer, Azure AI Language) it is what flags; it has no understanding of
/// negation, idiom or misspelling beyond the listed forms, so its limits are in docs/clinical-safety.md.
/// </summary>
public static partial class UrgencyDetector
{
    /// <summary>
    /// The reasons, each with its lexicon and the everyday uses of its words ("nearly died laughing", "I hurt my back",
    /// restraint training): a phrase that is part of an everyday use is not a match.
    /// </summary>
    public static IReadOnlyList<(string Reason, Regex Pattern, Regex? EverydayUses)> Lexicon { get; } =
    [
        (UrgencyReasons.SuicideOrSelfHarm, SelfHarm(), SelfHarmInEverydaySpeech()),
        (UrgencyReasons.RiskToLife, RiskToLife(), RiskToLifeInEverydaySpeech()),
        (UrgencyReasons.Abuse, Abuse(), AbuseInEverydaySpeech()),
        (UrgencyReasons.Neglect, Neglect(), NeglectInEverydaySpeech()),
        (UrgencyReasons.Safeguarding, Safeguarding(), SafeguardingInEverydaySpeech()),
        (UrgencyReasons.SexualMisconduct, SexualMisconduct(), null),
        (UrgencyReasons.MedicationOrClinicalError, MedicationOrClinicalError(), null),
        (UrgencyReasons.RestraintOrSeclusion, RestraintOrSeclusion(), RestraintOrSeclusionInEverydaySpeech()),
        (UrgencyReasons.UnsafeStaffing, UnsafeStaffing(), null),
        (UrgencyReasons.DetrimentForSpeakingUp, DetrimentForSpeakingUp(), null),
        (UrgencyReasons.ClosedCulture, ClosedCulture(), ClosedCultureInEverydaySpeech()),
    ];

    /// <summary>Whether the lexicon finds a comment urgent, and the reasons whose words it contains.</summary>
    public static (bool Urgent, IReadOnlyList<string> Reasons) Detect(string text)
    {
        var signals = Find(text);
        return (signals.Count > 0, signals.Select(signal => signal.Reason).ToArray());
    }

    /// <summary>For each reason whose words the comment contains, the first phrase matched.</summary>
    public static IReadOnlyList<UrgencySignal> Find(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var signals = new List<UrgencySignal>();
        foreach (var (reason, pattern, everydayUses) in Lexicon)
        {
            var everyday = everydayUses?.Matches(text);
            if (pattern.Matches(text).FirstOrDefault(match => everyday?.Any(use => Overlap(use, match)) != true) is { } phrase)
            {
                signals.Add(new UrgencySignal(reason, UrgencySignal.Phrase, phrase.Value, 1.0));
            }
        }

        return signals;
    }

    private static bool Overlap(Capture a, Capture b) => a.Index < b.Index + b.Length && b.Index < a.Index + a.Length;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(?:suicid\w*|kill(?:ing|ed)? (?:my|him|her|them)sel(?:f|ves)|end(?:s|ing|ed)? (?:my|his|her|their) (?:own )?li(?:fe|ves)|end(?:ing|ed)? it all|ending it|tak(?:e|es|ing|en) (?:my|his|her|their) (?:own )?li(?:fe|ves)|self[- ]?harm\w*|harm(?:ing)? myself|hurt(?:ing)? myself|cut(?:ting)? myself|overdos\w*|don'?t want to (?:live|be here)|no reason to live|(?:no )?point (?:in )?(?:carrying on|living)|better off (?:dead|without me)|want(?:ed)? to die|wish i (?:was|were) dead|not safe tonight|ligature|noose|sleep and not wake up|(?:jump|jumped|jumping) (?:off|from) (?:a |the )?(?:bridge|roof|car park|multi[- ]?storey|building|cliff)|(?:step|stepped|stepping|walk|walked|walking|jump|jumped) in front of (?:a |the )?(?:train|bus|car|lorry)|(?:saving|saved|stockpil\w*|hoard\w*) (?:up )?(?:my |all my )?(?:tablets|pills|medication))\b", Options)]
    private static partial Regex SelfHarm();

    [GeneratedRegex(@"\banti-ligature", Options)]
    private static partial Regex SelfHarmInEverydaySpeech();

    [GeneratedRegex(@"\b(?:(?:nearly|almost|could have|might have|would have) died|(?:going|gonna) to die|life[- ]threatening|not breathing|stopped breathing|couldn'?t breathe|can'?t breathe|could not breathe|cannot breathe|struggling (?:for|to) breath\w*|breathless\w*|pulmonary embolism|heart rate (?:over|of|above) \d+|collapsed|unconscious|unresponsive|cardiac arrest|chest pain|sepsis|septic|meningitis|stroke symptoms|lips (?:went|turned) blue|vomiting blood|fatal)\b", Options)]
    private static partial Regex RiskToLife();

    [GeneratedRegex(@"\b(?:died|to die) (?:of |from )?(?:embarrassment|boredom|laugh\w*|shame|fright)", Options)]
    private static partial Regex RiskToLifeInEverydaySpeech();

    [GeneratedRegex(@"\b(?:abus(?:ed|ing|ive)|assault\w*|(?:hit|slapped|punched|kicked|pushed|shoved|grabbed|pinched|hurt) (?:me|him|her|them|my \w+)|rough(?:ly)? handl\w*|manhandl\w*|bruis(?:es|ed|ing)|threaten(?:s|ed|ing)|intimidat\w*|humiliat\w*|mock(?:ed|ing)|racist|taking money|steal\w* (?:from|her|his|my)|screamed (?:at|in))", Options)]
    private static partial Regex Abuse();

    [GeneratedRegex(@"\b(?:abus(?:ed|ing) (?:the |our )?(?:system|service)s?\b|assault\w* on (?:the |my )?(?:senses|ears|eyes|nose)|(?:i|i've|i'd|i have|i had|fell and|slipped and|tripped and) (?:hit|slapped|punched|kicked|pushed|shoved|grabbed|pinched|hurt) (?:me|him|her|them|my \w+)|pushed (?:me|him|her|them|my \w+) (?:hard|harder|further|to (?:do|keep|try|walk|get|be))\b|(?:no|without|any|little|minimal) bruis(?:es|ed|ing)|life[- ]threatening|without (?:feeling |being )?intimidat\w*)", Options)]
    private static partial Regex AbuseInEverydaySpeech();

    [GeneratedRegex(@"\b(?:neglect(?:ed|ing)?\b|left (?:in (?:wet|soiled|dirty)|on the floor|lying|for hours|without (?:food|water|a drink|help))|soiled|(?:wet|dirty) (?:bed|pad|sheets|clothes)|pressure (?:sore|ulcer)s?|bed ?sores?|(?:not|never|wasn'?t|weren'?t|hadn'?t been|haven'?t been) (?:fed|washed|turned|repositioned|given (?:food|water|a drink))|no (?:food|water|drink) for|dehydrat\w*|starved|starvation|left (?:(?:him|her|them|me|us) )?starving|malnourish\w*|ignored (?:for|when|my|his|her))", Options)]
    private static partial Regex Neglect();

    [GeneratedRegex(@"\b(?:(?:nobody|no one|never|not|wasn'?t|weren'?t) neglect(?:ed|ing)?\b|neglect(?:ed|ing)? by the lack)", Options)]
    private static partial Regex NeglectInEverydaySpeech();

    [GeneratedRegex(@"\b(?:safeguarding (?:concern|issue|risk|matter)|vulnerable (?:adult|child|person)|at risk of harm|child protection|domestic (?:violence|abuse)|coerc\w*|exploit\w*|grooming|groom(?:s|ed)|modern slavery|trafficking|unsafe (?:at home|discharge)|strangled|scared to go home)\b", Options)]
    private static partial Regex Safeguarding();

    [GeneratedRegex(@"\b(?:(?:personal|dog|pet|hair|with) grooming|grooming (?:and|&|needs|routines?)\b)", Options)]
    private static partial Regex SafeguardingInEverydaySpeech();

    [GeneratedRegex(@"\b(?:sexual(?:ly)? (?:assault\w*|harass\w*|comments?|jokes?|advances)|inappropriately touch\w*|touched (?:me|her|him) inappropriately|touched my (?:breasts?|bottom|private\w*)|touch\w* (?:her|his|my) private|grop\w*|indecen\w*|raped?\b|molest\w*|made advances|exposed himself|lewd|without (?:a )?chaperone)", Options)]
    private static partial Regex SexualMisconduct();

    [GeneratedRegex(@"\b(?:wrong (?:medication|medicine|drug|dose|tablets?|patient|knee|leg|eye|side|tooth|blood)|medication (?:error|mistake)|missed (?:my |his |her |their )?(?:medication|medicine|dose|insulin|tablets?)|(?:not|never) (?:given|received|got) (?:my |his |her |their )?(?:medication|medicine|insulin|tablets?|pain relief)|double dose|overdosed? (?:by|on) (?:mistake|error)|ten times the dose|too much (?:medication|morphine|insulin)|allergic reaction|anaphyla\w*|left inside me|missed the fracture)", Options)]
    private static partial Regex MedicationOrClinicalError();

    [GeneratedRegex(@"\b(?:restrain\w*|prone restrain\w*|held (?:face )?down|pinned (?:him|her|me|them)? ?(?:down|to)|seclusion|segregation|locked in (?:a |her |his |their )?(?:room|bare room)|tied (?:(?:him|her|them|me) )?(?:to|into) (?:a |the |his |her |their |my |our )?(?:bed|chair|wheelchair|cot|(?:bed ?)?rails?|radiator|toilet|commode|trolley)|tied (?:him|her|them|me) (?:up|down)|strapped (?:in|into|to)|handcuffed|sedat(?:e|ed|ing) (?:him|her|them) to)\b", Options)]
    private static partial Regex RestraintOrSeclusion();

    [GeneratedRegex(@"\b(?:restraint (?:training|polic(?:y|ies)|reduction)|seclusion polic(?:y|ies)|strapped (?:in|into|to) (?:(?:the |a |my |his |her )?(?:ambulance|stretcher|seat|car seat|trolley)|(?:safely )?for the journey))", Options)]
    private static partial Regex RestraintOrSeclusionInEverydaySpeech();

    [GeneratedRegex(@"\b(?:unsafe staffing|(?:one|only one|a single) (?:nurse|carer|member of staff) for \d+|short[- ]staffed (?:and|so) (?:patients|people|residents)|no (?:qualified )?(?:nurse|nurses|doctor|midwife|staff) (?:on|in the bay|on shift)|not safe (?:to|for) (?:patients|staff)|(?:it|this) isn'?t safe)\b", Options)]
    private static partial Regex UnsafeStaffing();

    [GeneratedRegex(@"\b(?:since i (?:raised|reported|spoke up|whistleblew|complained)|after i (?:raised|reported|spoke up|whistleblew|complained)|for (?:speaking up|raising (?:a |the )?concerns?|reporting)|whistle ?blow\w*|victimi[sz]\w*|(?:threatened|punished|targeted|sacked|suspended|disciplined) (?:me )?(?:for|after|since)|never get a reference)\b", Options)]
    private static partial Regex DetrimentForSpeakingUp();

    [GeneratedRegex(@"\b(?:afraid to (?:speak|say|complain|report|raise)|scared to (?:speak|say|complain|report|raise)|frightened to (?:speak|complain|report)|too (?:scared|afraid|frightened) to|told (?:me |us |them )?(?:to keep quiet|to keep it quiet|not to (?:complain|report|say|tell|mention|write))|keep (?:it )?quiet|cover(?:ed)?[- ]up|covering up|hush(?:ed)? up|rewr(?:ote|itten|iting) (?:the |my |his |her |their |our )?(?:notes?|records?|reports?|statements?|incident\w*|entr(?:y|ies))|(?:notes?|records?|reports?|statements?|entr(?:y|ies)) (?:\w+ ){0,2}rewritten|fear of (?:reprisal|retribution|repercussions)|bull(?:y|ied|ying)|culture of fear|closed culture|delete\w* (?:an |the )?incident)", Options)]
    private static partial Regex ClosedCulture();

    [GeneratedRegex(@"\bcover(?:ed)?[- ]up (?:with|in) (?:a |my |the |her |his |their )?(?:blankets?|sheets?|gowns?|towels?|dressings?)", Options)]
    private static partial Regex ClosedCultureInEverydaySpeech();
}
