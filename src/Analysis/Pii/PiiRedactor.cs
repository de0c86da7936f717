using System.Text;
using System.Text.RegularExpressions;

namespace QualityVoice.Analysis.Pii;

/// <summary>
/// Finds personal information in a comment and replaces each piece with its type in brackets, such as
/// <c>[NHS number]</c> or <c>Dr [name]</c>: NHS numbers (with a valid check digit), UK phone numbers, e-mail
/// addresses, UK postcodes, National Insurance numbers, dates of birth, street addresses with a house number, and
/// names after a title or role word or where people name staff ("thank you to Claire and Ahmed", "ask for Mo").
/// A name said any other way ("Claire was lovely") is not found: the hazard log's H4 says how that is controlled.
/// Ordinary numbers stay ("10 minutes", "ward 12", "2 out of 10"). It runs on every comment, whichever
/// analyzer is configured, because Azure's phone-number recognition covers US and EU formats only.
/// </summary>
public static partial class PiiRedactor
{
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "And", "But", "Was", "Were", "Is", "Are", "Who", "Which", "That", "This", "On", "In", "At", "A", "An",
        "I", "I'm", "I’m", "I've", "I'd", "I'll", "It", "He", "She", "They", "We", "You", "Very", "Really", "So", "Also",
        "Then", "When", "Where", "Had", "Has", "Have", "Did", "Came", "Said", "Told", "Gave", "Made", "Took", "Saw",
        "Called", "Could", "Would", "Should", "Not", "Never", "Always", "Just", "All", "From", "For", "With", "To", "Of",
        "Team", "Staff", "Ward", "Department", "Unit", "Clinic", "Hospital", "Practice", "Surgery", "Centre", "Service",
        "Services", "Nurses", "Doctors", "Thank", "Thanks", "Please", "Excellent", "Great", "Good", "Lovely", "Kind",
        "NHS", "GP", "A&E", "Everyone", "Everybody", "Reception", "Receptionist", "Receptionists", "Pharmacy",
        "Paramedics", "Ambulance", "Nurse", "Doctor", "Dr", "Mr", "Mrs", "Ms", "Miss", "Mum", "Mam", "Dad", "Nan", "Nana",
        "Grandad", "God", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today",
        "Yesterday", "Again", "Once", "Twice",

        // Words that start the next sentence after "… a dr. However": an abbreviation's full stop is not a sentence's.
        "What", "Why", "How", "However", "Every", "If", "As", "After", "Before", "Now", "Still", "There", "My", "Our",
        "Your", "Their", "His", "Her", "No", "Yes", "Overall", "Unfortunately", "Otherwise", "Although", "Because",
        "Since", "Wanted", "Needed", "Would've", "Could've", "Should've",

        // Roles people list after a title word: "nurse, OT and physio".
        "OT", "OTs", "HCA", "HCAs", "CPN", "SALT", "ICU", "ITU", "OBS",

        // Departments and teams, which staff name in replies and updates ("we spoke to Estates"); those ending -ology,
        // -ics or -ists (Cardiology, Orthopaedics, Podiatrists) are known by their ending (IsNotAName).
        "Estates", "Facilities", "Outpatients", "Maternity", "Physiotherapy", "Housekeeping", "Catering", "Security",
        "Transport", "Finance", "Management", "Patient", "Patients", "PALS", "Radiotherapy", "Chemotherapy",
        "Endoscopy", "Theatres", "Theatre", "Admissions", "Discharge", "Triage", "Switchboard", "Occupational",
        "Therapy", "Therapies", "Podiatry", "Phlebotomy", "Imaging", "Pathology", "Wards", "Trust", "Board",
    };

    /// <summary>Finds the personal information in a text and returns the redacted text with where each piece was.</summary>
    public static (string RedactedText, IReadOnlyList<PiiSpan> Spans) Redact(string text) => Redact(text, []);

    /// <summary>
    /// Finds the personal information in a text, adds what another recogniser found (such as Azure AI
    /// Language's entities), and returns the redacted text with where each piece was.
    /// </summary>
    public static (string RedactedText, IReadOnlyList<PiiSpan> Spans) Redact(string text, IEnumerable<PiiSpan> alsoFound)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (text, []);
        }

        var found = alsoFound.Where(span => span.Start >= 0 && span.Start + span.Length <= text.Length).ToList();
        AddNhsNumbersAndPhones(text, found);
        AddMatches(EmailPattern(), text, PiiTypes.EmailAddress, found);
        AddMatches(PostcodePattern(), text, PiiTypes.Postcode, found);
        AddMatches(NationalInsurancePattern(), text, PiiTypes.NationalInsuranceNumber, found);
        AddGroup(DateOfBirthPattern(), text, "date", PiiTypes.DateOfBirth, found);
        AddMatches(StreetAddressPattern(), text, PiiTypes.Address, found);
        AddNames(TitledNamePattern(), text, found);
        AddNames(RoleNamePattern(), text, found);
        AddNames(NamingStaffPattern(), text, found);

        var spans = Resolve(found);
        if (spans.Count == 0)
        {
            return (text, []);
        }

        var redacted = new StringBuilder(text.Length);
        var at = 0;
        foreach (var span in spans)
        {
            redacted.Append(text, at, span.Start - at).Append('[').Append(span.Type).Append(']');
            at = span.Start + span.Length;
        }

        redacted.Append(text, at, text.Length - at);
        return (redacted.ToString(), spans);
    }

    private static void AddNhsNumbersAndPhones(string text, List<PiiSpan> found)
    {
        Span<char> digits = stackalloc char[24];
        foreach (Match match in DigitRunPattern().Matches(text))
        {
            var count = 0;
            foreach (var c in match.Value)
            {
                if (char.IsAsciiDigit(c) && count < digits.Length)
                {
                    digits[count++] = c;
                }
            }

            var number = digits[..count];
            var international = match.Value.TrimStart().StartsWith('+');
            if (count == 10 && !international && NhsNumber.IsValid(number) && IsNhsShape(match.Value))
            {
                // An opening bracket before an NHS number is punctuation, not part of it.
                var lead = match.Value.Length - match.Value.TrimStart('(').Length;
                found.Add(new PiiSpan(PiiTypes.NhsNumber, match.Index + lead, match.Length - lead));
            }
            else if (IsUkPhone(number, international))
            {
                found.Add(new PiiSpan(PiiTypes.PhoneNumber, match.Index, match.Length));
            }
        }
    }

    // NHS numbers are written 3 3 4, or as ten digits together, sometimes in brackets.
    private static bool IsNhsShape(string value) => NhsShapePattern().IsMatch(value.Trim().Trim('(', ')'));

    // +44 numbers are often written with the trunk zero in brackets: +44 (0)20 7946 0958.
    private static bool IsUkPhone(ReadOnlySpan<char> digits, bool international) =>
        international
            ? digits.StartsWith("44") && (digits.StartsWith("440") ? digits.Length - 1 : digits.Length) is 11 or 12
            : digits.Length is 10 or 11 && digits[0] == '0' && digits[1] != '0';

    private static void AddMatches(Regex pattern, string text, string type, List<PiiSpan> found)
    {
        foreach (Match match in pattern.Matches(text))
        {
            found.Add(new PiiSpan(type, match.Index, match.Length));
        }
    }

    private static void AddGroup(Regex pattern, string text, string group, string type, List<PiiSpan> found)
    {
        foreach (Match match in pattern.Matches(text))
        {
            var captured = match.Groups[group];
            found.Add(new PiiSpan(type, captured.Index, captured.Length));
        }
    }

    private static void AddNames(Regex pattern, string text, List<PiiSpan> found)
    {
        foreach (Match match in pattern.Matches(text))
        {
            // Keep the capitalised words up to the first that is plainly not part of a name.
            var words = match.Groups["name"].Captures;
            var start = -1;
            var end = -1;
            foreach (Capture word in words)
            {
                if (IsNotAName(word.Value.TrimEnd('.', ',')))
                {
                    break;
                }

                start = start < 0 ? word.Index : start;
                end = word.Index + word.Length;
            }

            if (start >= 0)
            {
                found.Add(new PiiSpan(PiiTypes.Name, start, end - start));
            }
        }
    }

    private static bool IsNotAName(string word) =>
        NotNames.Contains(word)
        || word.EndsWith("ology", StringComparison.Ordinal)
        || word.EndsWith("ics", StringComparison.Ordinal)
        || word.EndsWith("ists", StringComparison.Ordinal);

    // Overlapping finds: the earliest wins, and the longer of two that start together.
    private static List<PiiSpan> Resolve(List<PiiSpan> found)
    {
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var kept = new List<PiiSpan>(found.Count);
        var end = 0;
        foreach (var span in found)
        {
            if (span.Length > 0 && span.Start >= end)
            {
                kept.Add(span);
                end = span.Start + span.Length;
            }
        }

        return kept;
    }

    // A run of digits with the separators people use in phone and NHS numbers: spaces, dashes, brackets, +.
    [GeneratedRegex(@"(?<![\w/.])\+?\(?\d[\d \-()]{7,18}\d(?![\w/])", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRunPattern();

    [GeneratedRegex(@"^\d{3}[ -]?\d{3}[ -]?\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex NhsShapePattern();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+'’\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[\dA-HJKMNPR-Y]? ?\d[ABD-HJLNP-UW-Z]{2})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PostcodePattern();

    // Any two letters, not only the prefixes HMRC issues: people copy the QQ example too, and recall matters most.
    [GeneratedRegex(@"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NationalInsurancePattern();

    [GeneratedRegex(
        @"\b(?:d\.? ?o\.? ?b\.?|date of birth|born(?: on)?)\s*(?:is|was|:|-)?\s*(?<date>\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{2,4})",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DateOfBirthPattern();

    // A capitalised word that may be (part of) a name: "Patel", "O'Neill", "McAllister-Wright".
    private const string NameWord = @"(?<name>[A-Z][\p{L}'’\-]+)";

    // The same with a lower-case letter in it, where capitals alone are more likely a term ("ask for OBS").
    private const string MixedCaseNameWord = @"(?<name>[A-Z](?=[\p{L}'’\-]*\p{Ll})[\p{L}'’\-]+)";

    // More names after the first, up to the next title: ", Tom & Dev", " and Tom Okafor" ("Mrs Brown and Mr Green" is two).
    private const string MoreNames = @"(?:\s*(?:,|&|\band\b)\s*(?!(?i:dr|mr|mrs|ms|miss|mx|prof)\b)" + NameWord + @"(?:\s+" + NameWord + @"){0,2})*";

    // A title or role word, then one to three capitalised words: "Dr Patel", "nurse Jane Smith", "Mrs O'Neill", or a
    // list of them: "nurses Priya and Tom". Only an abbreviated title takes a full stop: "the nurses. Everything was"
    // ends a sentence.
    [GeneratedRegex(
        @"\b(?:(?i:dr|mr|mrs|ms|miss|mx|prof)\.?|(?i:doctors?|nurses?|sisters?|matrons?|midwife|midwives|paramedics?|consultants?|surgeons?|physios?|professor)),?\s+(?:(?i:called|named)\s+)?(?:"
        + NameWord + @"\s*){1,3}" + MoreNames,
        RegexOptions.CultureInvariant)]
    private static partial Regex TitledNamePattern();

    // "my consultant …", "a nurse called …": a role, then a name.
    [GeneratedRegex(
        @"\b(?i:my|our|his|her|their|the|a)\s+(?i:consultant|doctor|gp|nurse|midwife|surgeon|physio(?:therapist)?|therapist|psychiatrist|psychologist|key ?worker|social worker|care co-?ordinator|paramedic|carer|health visitor)\s*,?\s+(?:(?i:called|named|was|is)\s+)?(?:(?i:dr|mr|mrs|ms|miss|prof)\.?\s+)?(?:"
        + NameWord + @"\s*){1,3}" + MoreNames,
        RegexOptions.CultureInvariant)]
    private static partial Regex RoleNamePattern();

    // The words people name staff with, then one or more names: "thank you to Claire and Ahmed", "ask for Mo",
    // "seen by Sister Jones", "well done Priya, Tom & Dev". A title after them is passed over (the titled pattern has it).
    [GeneratedRegex(
        @"\b(?i:thank\s+you(?:\s+(?:so|very)\s+much)?(?:\s+to)?|thanks(?:\s+(?:so\s+much\s+)?to)?|shout[- ]?out\s+to|special\s+(?:thanks|mention)\s+to|well\s+done(?:\s+to)?|credit\s+to|ask(?:ed)?\s+for|sp(?:oke|eak|eaking)\s+(?:to|with)|seen\s+by|(?:looked\s+after|cared\s+for|treated|supported|helped)\s+by)\s+(?:(?i:dr|mr|mrs|ms|miss|nurse|sister)\.?\s+)?"
        + MixedCaseNameWord + @"(?:\s+" + MixedCaseNameWord + @"){0,2}(?:\s*(?:,|&|\band\b)\s*" + MixedCaseNameWord + @"(?:\s+" + MixedCaseNameWord + @"){0,2})*",
        RegexOptions.CultureInvariant)]
    private static partial Regex NamingStaffPattern();

    // A house number, then one to three capitalised words and a street word: "14 Acacia Avenue", "3a Mill Lane".
    [GeneratedRegex(
        @"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][\p{L}'’\-]+\s+){1,3}(?i:road|rd|street|st|avenue|ave|lane|close|drive|way|crescent|court|place|gardens|terrace|grove|walk|mews|square|row|vale|view|rise)\b\.?",
        RegexOptions.CultureInvariant)]
    private static partial Regex StreetAddressPattern();
}
