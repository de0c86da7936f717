using QualityVoice.Analysis.Pii;

namespace QualityVoice.Bench.Analysis;

/// <summary>
/// <c>./qv bench pii</c>: recall of the PII redactor on generated NHS numbers, e-mail addresses, UK phone numbers
/// and postcodes in the formats people type them, inside everyday sentences; staff names where people name staff
/// ("thank you to …", "Dr …", "a nurse called …") and street addresses; and the ordinary numbers and words of
/// patient comments ("10 minutes", "ward 12", "2 out of 10", "thank you NHS"), which must be left alone.
/// </summary>
internal static class PiiBenchmark
{
    private static readonly string[] Before =
    [
        "Please contact me on ", "My NHS number is ", "You can reach me at ", "It was sent to ", "my details: ",
        "Call ", "write to me at ", "Ref ", "(", "Mum's is ",
    ];

    private static readonly string[] After =
    [
        " if you need anything.", ".", " thanks", ", any time after 5pm", ")", " – she is 87.", "", "!",
    ];

    private static readonly string[] Ordinary =
    [
        "I waited 10 minutes to be seen.", "She was on ward 12 for 3 weeks.", "Bay 4 was noisy at night.",
        "I would give it 2 out of 10.", "The appointment was at 14:30 but I was seen at 16:45.", "It took 45 mins.",
        "I had 2 scans and 1 x-ray on 12/03/2024.", "Room 101 had no call bell.", "We drove 30 miles, 2 hours each way.",
        "Seen in 5 min, out in 20.", "The 3rd floor lift was broken for 6 days.", "I am 87 years old.",
        "My blood pressure was 140/90.", "Level 2, clinic 7B.", "Waited from 9.30am until 1pm.",
        "Paid £4.50 for parking.", "Bed 23 on ward 31.", "My baby was 3.2 kg.", "Over 100 people in the waiting room.",
        "The 111 service was great.", "I was given 500mg paracetamol 4 times a day.", "Called 999 at 2am.",
        "In 2023 I had 12 appointments.", "Covid jab number 5.", "It is 2026 and still no online booking.",
        "Thank you NHS for everything.", "I spoke to Reception twice.", "Thanks to everyone on Ward 12.",
        "I asked to see a nurse. What a wait.", "The team (nurse, OT and physio) were great.",
        "We waited 3 hours on the road to the Royal Infirmary.", "If the Dr is going to ask for OBS, say why.",
        "We spoke to Estates and Facilities about parking.", "Seen by Cardiology, then Orthopaedics.",
    ];

    // Where people name staff, and names of the kinds they give.
    private static readonly string[] NameBefore =
    [
        "Thank you to ", "thanks ", "Ask for ", "I was seen by ", "Dr ", "nurse ", "my consultant ", "a nurse called ",
        "Special mention to ", "well done ", "Mrs ", "thank you so much to ", "I was looked after by ",
    ];

    private static readonly string[] NameAfter = [" and the team.", ", she was lovely", " on ward 7", ".", "!", " - brilliant"];

    private static readonly string[] FirstNames = ["Claire", "Ahmed", "Priya", "Tom", "Bernadette", "Oluwaseun", "Siobhan", "Mo", "Zofia", "Gareth", "Mei", "Darren"];

    private static readonly string[] Surnames = ["Patel", "O'Brien", "McAllister-Wright", "Nowak", "Okafor", "Jones", "Khan", "Smith"];

    private static readonly string[] AddressBefore = ["I live at ", "send letters to ", "My address is ", "Flat 3, ", "mum lives at "];

    private static readonly string[] AddressAfter = [", Leeds", " NE1 4LP", ".", " near the hospital", ""];

    private static readonly string[] Streets = ["Acacia", "Mill", "Station", "Church", "Queen Elizabeth", "St John's", "Westgate", "Park View"];

    private static readonly string[] StreetWords = ["Road", "Street", "Avenue", "Lane", "Close", "Drive", "Way", "Crescent", "Court", "Gardens", "Terrace", "Grove", "Rd", "St"];

    private static readonly string[] Areas = ["NE1", "SR2", "DH1", "TS18", "CA2", "NE63", "M1", "SW1A", "B33", "LS11", "EC1A", "W1A", "CR2", "DN55"];

    // The letters a postcode's inward code uses: never C, I, K, M, O or V.
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    private static readonly string[] Domains = ["gmail.com", "nhs.net", "outlook.co.uk", "btinternet.com", "yahoo.co.uk", "icloud.com"];

    private static readonly string[] Names = ["john.smith", "mary_o'neill", "a.khan", "sarah-jane", "pat1962", "d.ogunleye", "li.wei"];

    public static int Run(int cases, int seed)
    {
        var random = new Random(seed);
        var types = new (string Type, Func<Random, string> Make, string[] Before, string[] After)[]
        {
            ("NHS number", NhsNumberLike, Before, After),
            ("email address", r => $"{Pick(r, Names)}{r.Next(100)}@{Pick(r, Domains)}", Before, After),
            ("phone number", Phone, Before, After),
            ("postcode", r => $"{Pick(r, Areas)}{(r.Next(4) == 0 ? string.Empty : " ")}{r.Next(10)}{InwardLetters[r.Next(InwardLetters.Length)]}{InwardLetters[r.Next(InwardLetters.Length)]}", Before, After),
            ("name", StaffNames, NameBefore, NameAfter),
            ("address", r => $"{r.Next(1, 300)}{(r.Next(5) == 0 ? "a" : string.Empty)} {Pick(r, Streets)} {Pick(r, StreetWords)}", AddressBefore, AddressAfter),
        };

        Console.WriteLine($"{cases:N0} generated cases of each type (seed {seed}), each inside a sentence:");
        var failed = false;
        foreach (var (type, make, before, after) in types)
        {
            var found = 0;
            var misses = new List<string>();
            for (var i = 0; i < cases; i++)
            {
                var value = make(random);
                var text = Pick(random, before) + value + Pick(random, after);
                var start = text.IndexOf(value, StringComparison.Ordinal);
                var (_, spans) = PiiRedactor.Redact(text);
                if (spans.Any(span => span.Type == type && span.Start <= start && span.Start + span.Length >= start + value.Length))
                {
                    found++;
                }
                else if (misses.Count < 3)
                {
                    misses.Add(text);
                }
            }

            var recall = found / (double)cases;
            failed |= recall < 0.99;
            Console.WriteLine($"  {type,-14} recall {recall:0.0000} ({found:N0}/{cases:N0}){(misses.Count > 0 ? "  missed e.g. " + string.Join(" | ", misses) : string.Empty)}");
        }

        var touched = Ordinary.Where(text => PiiRedactor.Redact(text).Spans.Count > 0).ToArray();
        Console.WriteLine($"ordinary numbers and words left alone: {Ordinary.Length - touched.Length}/{Ordinary.Length}{(touched.Length > 0 ? "  changed: " + string.Join(" | ", touched) : string.Empty)}");
        failed |= touched.Length > 0;
        Console.WriteLine(failed ? "FAIL" : "PASS: recall at least 0.99 for every type, ordinary numbers and words untouched");
        return failed ? 1 : 0;
    }

    /// <summary>A valid NHS number (modulus 11) written with spaces, dashes or neither.</summary>
    private static string NhsNumberLike(Random random)
    {
        while (true)
        {
            var digits = new int[10];
            digits[0] = random.Next(4, 7);
            for (var i = 1; i < 9; i++)
            {
                digits[i] = random.Next(10);
            }

            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += digits[i] * (10 - i);
            }

            var check = 11 - (sum % 11);
            if (check == 10)
            {
                continue;
            }

            digits[9] = check == 11 ? 0 : check;
            var plain = string.Concat(digits);
            return random.Next(3) switch
            {
                0 => plain,
                1 => $"{plain[..3]} {plain[3..6]} {plain[6..]}",
                _ => $"{plain[..3]}-{plain[3..6]}-{plain[6..]}",
            };
        }
    }

    /// <summary>UK mobile and landline numbers as people write them: 07…, +44 7…, +44 (0)…, (0191) …, with or without spaces.</summary>
    private static string Phone(Random random)
    {
        string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => random.Next(10)));
        var mobile = "7" + random.Next(4, 10) + Digits(8);
        var landline = Pick(random, ["191", "161", "113", "1228", "1642", "20"]);
        var rest = Digits(10 - landline.Length);
        return random.Next(8) switch
        {
            0 => "0" + mobile,
            1 => $"0{mobile[..4]} {mobile[4..]}",
            2 => $"+44 {mobile[..4]} {mobile[4..]}",
            3 => $"+44 (0){mobile[..4]} {mobile[4..]}",
            4 => $"+44{mobile}",
            5 => $"0{landline} {rest}",
            6 => $"(0{landline}) {rest[..3]} {rest[3..]}",
            _ => $"0{landline}-{rest}",
        };
    }

    /// <summary>A first name, a surname, both, or two first names ("Claire and Ahmed").</summary>
    private static string StaffNames(Random random) => random.Next(4) switch
    {
        0 => Pick(random, FirstNames),
        1 => Pick(random, Surnames),
        2 => $"{Pick(random, FirstNames)} {Pick(random, Surnames)}",
        _ => $"{Pick(random, FirstNames)} and {Pick(random, FirstNames)}",
    };

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
