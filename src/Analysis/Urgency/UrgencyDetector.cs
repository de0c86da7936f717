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
    /// <summary>The reasons, each with its lexicon.</summary>
    public static IReadOnlyList<(string Reason, Regex Pattern)> Lexicon { get; } =
    [
        (UrgencyReasons.SuicideOrSelfHarm, SelfHarm()),
        (UrgencyReasons.RiskToLife, RiskToLife()),
        (UrgencyReasons.Abuse, Abuse()),
        (UrgencyReasons.Neglect, Neglect()),
        (UrgencyReasons.Safeguarding, Safeguarding()),
        (UrgencyReasons.SexualMisconduct, SexualMisconduct()),
        (UrgencyReasons.MedicationOrClinicalError, MedicationOrClinicalError()),
        (UrgencyReasons.RestraintOrSeclusion, RestraintOrSeclusion()),
        (UrgencyReasons.UnsafeStaffing, UnsafeStaffing()),
        (UrgencyReasons.DetrimentForSpeakingUp, DetrimentForSpeakingUp()),
        (UrgencyReasons.ClosedCulture, ClosedCulture()),
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
        foreach (var (reason, pattern) in Lexicon)
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                signals.Add(new UrgencySignal(reason, UrgencySignal.Phrase, match.Value, 1.0));
            }
        }

        return signals;
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(?:suicid\w*|kill(?:ing|ed)? (?:my|him|her|them)sel(?:f|ves)|end(?:s|ing|ed)? (?:my|his|her|their) (?:own )?li(?:fe|ves)|end(?:ing|ed)? it all|ending it|tak(?:e|es|ing|en) (?:my|his|her|their) (?:own )?li(?:fe|ves)|self[- ]?harm\w*|harm(?:ing)? myself|hurt(?:ing)? myself|cut(?:ting)? myself|overdos\w*|don'?t want to (?:live|be here)|no reason to live|(?:no )?point (?:in )?(?:carrying on|living)|better off (?:dead|without me)|want(?:ed)? to die|wish i (?:was|were) dead|not safe tonight|(?<!anti-)ligature|noose|sleep and not wake up|(?:jump|jumped|jumping) (?:off|from) (?:a |the )?(?:bridge|roof|car park|multi[- ]?storey|building|cliff)|(?:step|stepped|stepping|walk|walked|walking|jump|jumped) in front of (?:a |the )?(?:train|bus|car|lorry)|(?:saving|saved|stockpil\w*|hoard\w*) (?:up )?(?:my |all my )?(?:tablets|pills|medication))\b", Options)]
    private static partial Regex SelfHarm();

    [GeneratedRegex(@"\b(?:(?:nearly|almost|could have|might have|would have) died(?! (?:of |from )?(?:embarrassment|boredom|laugh\w*|shame|fright))|(?:going|gonna) to die(?! (?:of |from )?(?:embarrassment|boredom|laugh\w*|shame|fright))|life[- ]threatening|not breathing|stopped breathing|couldn'?t breathe|can'?t breathe|could not breathe|cannot breathe|struggling (?:for|to) breath\w*|breathless\w*|pulmonary embolism|heart rate (?:over|of|above) \d+|collapsed|unconscious|unresponsive|cardiac arrest|chest pain|sepsis|septic|meningitis|stroke symptoms|lips (?:went|turned) blue|vomiting blood|fatal)\b", Options)]
    private static partial Regex RiskToLife();

    [GeneratedRegex(@"\b(?:abus(?:ed|ing)(?! (?:the |our )?(?:system|service)s?\b)|abusive|assault\w*(?! on (?:the |my )?(?:senses|ears|eyes|nose))|(?<!\b(?:i|i've|i'd|i have|i had|fell and|slipped and|tripped and) )(?:(?:hit|slapped|punched|kicked|shoved|grabbed|pinched|hurt) (?:me|him|her|them|my \w+)|pushed (?:me|him|her|them|my \w+)(?! (?:hard|harder|further|to (?:do|keep|try|walk|get|be))\b))|rough(?:ly)? handl\w*|manhandl\w*|(?<!\b(?:no|without|any|little|minimal) )bruis(?:es|ed|ing)|threaten(?:s|ed)|(?<!\blife[- ])threatening|(?<!without (?:feeling |being )?)intimidat\w*|humiliat\w*|mock(?:ed|ing)|racist|taking money|steal\w* (?:from|her|his|my)|screamed (?:at|in))", Options)]
    private static partial Regex Abuse();

    [GeneratedRegex(@"\b(?:(?<!\b(?:nobody|no one|never|not|wasn'?t|weren'?t) )neglect(?:ed|ing)?\b(?! by the lack)|left (?:in (?:wet|soiled|dirty)|on the floor|lying|for hours|without (?:food|water|a drink|help))|soiled|(?:wet|dirty) (?:bed|pad|sheets|clothes)|pressure (?:sore|ulcer)s?|bed ?sores?|(?:not|never|wasn'?t|weren'?t|hadn'?t been|haven'?t been) (?:fed|washed|turned|repositioned|given (?:food|water|a drink))|no (?:food|water|drink) for|dehydrat\w*|starved|starvation|left (?:(?:him|her|them|me|us) )?starving|malnourish\w*|ignored (?:for|when|my|his|her))", Options)]
    private static partial Regex Neglect();

    [GeneratedRegex(@"\b(?:safeguarding (?:concern|issue|risk|matter)|vulnerable (?:adult|child|person)|at risk of harm|child protection|domestic (?:violence|abuse)|coerc\w*|exploit\w*|(?<!\b(?:personal|dog|pet|hair|with) )grooming(?! (?:and|&|needs|routines?)\b)|groom(?:s|ed)|modern slavery|trafficking|unsafe (?:at home|discharge)|strangled|scared to go home)\b", Options)]
    private static partial Regex Safeguarding();

    [GeneratedRegex(@"\b(?:sexual(?:ly)? (?:assault\w*|harass\w*|comments?|jokes?|advances)|inappropriately touch\w*|touched (?:me|her|him) inappropriately|touched my (?:breasts?|bottom|private\w*)|touch\w* (?:her|his|my) private|grop\w*|indecen\w*|raped?\b|molest\w*|made advances|exposed himself|lewd|without (?:a )?chaperone)", Options)]
    private static partial Regex SexualMisconduct();

    [GeneratedRegex(@"\b(?:wrong (?:medication|medicine|drug|dose|tablets?|patient|knee|leg|eye|side|tooth|blood)|medication (?:error|mistake)|missed (?:my |his |her |their )?(?:medication|medicine|dose|insulin|tablets?)|(?:not|never) (?:given|received|got) (?:my |his |her |their )?(?:medication|medicine|insulin|tablets?|pain relief)|double dose|overdosed? (?:by|on) (?:mistake|error)|ten times the dose|too much (?:medication|morphine|insulin)|allergic reaction|anaphyla\w*|left inside me|missed the fracture)", Options)]
    private static partial Regex MedicationOrClinicalError();

    [GeneratedRegex(@"\b(?:restraint(?! (?:training|polic(?:y|ies)|reduction))\w*|restrain(?!t)\w*|prone restrain\w*|held (?:face )?down|pinned (?:him|her|me|them)? ?(?:down|to)|seclusion(?! polic(?:y|ies))|segregation|locked in (?:a |her |his |their )?(?:room|bare room)|tied (?:(?:him|her|them|me) )?(?:to|into) (?:a |the |his |her |their |my |our )?(?:bed|chair|wheelchair|cot|(?:bed ?)?rails?|radiator|toilet|commode|trolley)|tied (?:him|her|them|me) (?:up|down)|strapped (?:in|into|to)(?! (?:the |a |my |his |her )?(?:ambulance|stretcher|seat|car seat|trolley)|(?: safely)? for the journey)|handcuffed|sedat(?:e|ed|ing) (?:him|her|them) to)\b", Options)]
    private static partial Regex RestraintOrSeclusion();

    [GeneratedRegex(@"\b(?:unsafe staffing|(?:one|only one|a single) (?:nurse|carer|member of staff) for \d+|short[- ]staffed (?:and|so) (?:patients|people|residents)|no (?:qualified )?(?:nurse|nurses|doctor|midwife|staff) (?:on|in the bay|on shift)|not safe (?:to|for) (?:patients|staff)|(?:it|this) isn'?t safe)\b", Options)]
    private static partial Regex UnsafeStaffing();

    [GeneratedRegex(@"\b(?:since i (?:raised|reported|spoke up|whistleblew|complained)|after i (?:raised|reported|spoke up|whistleblew|complained)|for (?:speaking up|raising (?:a |the )?concerns?|reporting)|whistle ?blow\w*|victimi[sz]\w*|(?:threatened|punished|targeted|sacked|suspended|disciplined) (?:me )?(?:for|after|since)|never get a reference)\b", Options)]
    private static partial Regex DetrimentForSpeakingUp();

    [GeneratedRegex(@"\b(?:afraid to (?:speak|say|complain|report|raise)|scared to (?:speak|say|complain|report|raise)|frightened to (?:speak|complain|report)|too (?:scared|afraid|frightened) to|told (?:me |us |them )?(?:to keep quiet|to keep it quiet|not to (?:complain|report|say|tell|mention|write))|keep (?:it )?quiet|cover(?:ed)?[- ]up(?! (?:with|in) (?:a |my |the |her |his |their )?(?:blankets?|sheets?|gowns?|towels?|dressings?))|covering up|hush(?:ed)? up|rewr(?:ote|itten|iting) (?:the |my |his |her |their |our )?(?:notes?|records?|reports?|statements?|incident\w*|entr(?:y|ies))|(?:notes?|records?|reports?|statements?|entr(?:y|ies)) (?:\w+ ){0,2}rewritten|fear of (?:reprisal|retribution|repercussions)|bull(?:y|ied|ying)|culture of fear|closed culture|delete\w* (?:an |the )?incident)", Options)]
    private static partial Regex ClosedCulture();
}
