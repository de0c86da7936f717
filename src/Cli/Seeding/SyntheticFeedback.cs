using Bogus;
using QualityVoice.Content;
using QualityVoice.Feedback;

namespace QualityVoice.Cli.Seeding;

/// <summary>
/// Makes realistic, entirely fictional patient and carer feedback for demonstrations and load tests: the content
/// pack's services, Friends and Family Test answers in roughly the national proportions, comments built from
/// phrases patients commonly use (with names, phone numbers and a few urgent concerns, so redaction and the urgent
/// queue have work to do), spread over the last year with fewer at weekends. The same seed gives the same items.
/// </summary>
internal sealed class SyntheticFeedback(IReadOnlyList<CareService> services, int seed)
{
    private static readonly string[] Roles = ["nurse", "doctor", "receptionist", "paramedic", "midwife", "healthcare assistant", "consultant", "physio", "pharmacist", "porter"];
    private static readonly string[] Places = ["the ward", "A&E", "the clinic", "outpatients", "the day unit", "the surgery", "the ambulance", "maternity", "the discharge lounge", "the community team"];
    private static readonly string[] Waits = ["20 minutes", "an hour", "two hours", "four hours", "six hours", "three weeks", "four months", "nearly a year"];

    private static readonly string[] Praise =
    [
        "The {role} was so kind and took time to explain everything.",
        "Staff in {place} were friendly, caring and professional.",
        "I was seen quickly and the {role} listened to my concerns.",
        "Everything was explained clearly and I felt involved in decisions about my care.",
        "{title} {name} was brilliant with my mum, thank you.",
        "Very clean, well organised and the staff were lovely.",
        "The {role} made my daughter feel at ease, nothing was too much trouble.",
        "Appointment was on time and the whole team were reassuring.",
        "Excellent care from start to finish, I cannot fault them.",
        "They treated me with dignity and respect.",
        "The food was good and the ward was quiet at night.",
        "Quick, efficient and friendly service.",
    ];

    private static readonly string[] Complaints =
    [
        "I waited {wait} in {place} and nobody told us why.",
        "The {role} was rude and dismissive when I asked a question.",
        "Parking was impossible and I nearly missed my appointment.",
        "I was discharged without my medication and had to come back the next day.",
        "Nobody rang back when they said they would, I called {phone} three times.",
        "Communication between departments was poor, I had to repeat my story to everyone.",
        "It took {wait} to get an appointment, which is far too long.",
        "The toilets were dirty and there was no soap.",
        "There were not enough staff on {place}, the {role}s were run off their feet.",
        "My appointment was cancelled twice with no explanation.",
        "The food was cold and my dad was not helped to eat it.",
        "I could not get through on the phone for days.",
        "Letters went to my old address even though I had told them twice.",
        "Felt rushed, the {role} did not listen to me.",
    ];

    private static readonly string[] Urgent =
    [
        "My dad was left in a soiled bed for hours and nobody came when he called.",
        "I was given the wrong medication and had an allergic reaction.",
        "Staff told me to keep quiet and not to complain or it would affect his care.",
        "I feel like I want to end it all and nobody is listening to me.",
        "A member of staff was rough handling my mother and she has bruises on her arms.",
    ];

    private static readonly string[] Suggestions =
    [
        "Nothing, it was all good.",
        "Better signs to {place} would help.",
        "More chairs in the waiting area.",
        "Nothing to improve.",
        "Keep people updated on waiting times.",
        "Cheaper parking.",
    ];

    private static readonly (FftRating Rating, float Weight)[] Ratings =
    [
        (FftRating.VeryGood, 0.68f), (FftRating.Good, 0.15f), (FftRating.Neither, 0.04f),
        (FftRating.Poor, 0.04f), (FftRating.VeryPoor, 0.06f), (FftRating.DontKnow, 0.03f),
    ];

    private readonly Faker _faker = new("en_GB") { Random = new Randomizer(seed) };

    /// <summary>One item, arriving at <paramref name="submittedAt"/>.</summary>
    public NewFeedback Next(DateTimeOffset submittedAt)
    {
        var random = _faker.Random;
        var service = services[(int)Math.Floor(Math.Pow(random.Double(), 1.6) * services.Count)];
        var rating = random.WeightedRandom(Ratings.Select(r => r.Rating).ToArray(), Ratings.Select(r => r.Weight).ToArray());
        var positive = rating is FftRating.VeryGood or FftRating.Good;
        string? good = null, improve = null;
        if (random.Bool(0.005f))
        {
            improve = random.ArrayElement(Urgent);
        }
        else if (positive)
        {
            good = Fill(random.ArrayElement(Praise));
            improve = random.Bool(0.5f) ? Fill(random.ArrayElement(random.Bool(0.7f) ? Suggestions : Complaints)) : null;
        }
        else
        {
            good = random.Bool(0.4f) ? Fill(random.ArrayElement(Praise)) : null;
            improve = Fill(random.ArrayElement(Complaints)) + (random.Bool(0.3f) ? " " + Fill(random.ArrayElement(Complaints)) : string.Empty);
        }

        var month = YearMonth.Of(submittedAt.AddDays(-random.Int(0, 20)));
        return new NewFeedback(
            random.WeightedRandom([FeedbackKind.Patient, FeedbackKind.Carer, FeedbackKind.Other], [0.75f, 0.2f, 0.05f]),
            service.Id,
            service.FullName,
            rating,
            good,
            improve,
            random.Bool(0.8f) ? month : null,
            random.WeightedRandom([CollectionMode.Online, CollectionMode.Sms, CollectionMode.Paper, CollectionMode.Tablet, CollectionMode.Telephone], [0.45f, 0.35f, 0.1f, 0.07f, 0.03f]));
    }

    /// <summary>
    /// Arrival times for <paramref name="count"/> items over the year before <paramref name="now"/>, oldest first,
    /// busier on weekdays and in the daytime.
    /// </summary>
    public IEnumerable<DateTimeOffset> ArrivalTimes(int count, DateTimeOffset now)
    {
        var start = now.AddDays(-365);
        var step = TimeSpan.FromTicks((now - start).Ticks / Math.Max(count, 1));
        for (var i = 0; i < count; i++)
        {
            var at = start + step * i + TimeSpan.FromTicks((long)(_faker.Random.Double() * step.Ticks));
            if (at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && _faker.Random.Bool(0.4f))
            {
                at = at.AddDays(at.DayOfWeek == DayOfWeek.Saturday ? -1 : 1);
            }

            yield return at > now ? now : at;
        }
    }

    /// <summary>A triage status that fits an item's age (<see cref="SeededStatus"/>).</summary>
    public TriageStatus StatusFor(DateTimeOffset submittedAt, DateTimeOffset now) => SeededStatus.For(now - submittedAt, _faker.Random.Double());

    private string Fill(string template) => template
        .Replace("{role}", _faker.Random.ArrayElement(Roles), StringComparison.Ordinal)
        .Replace("{place}", _faker.Random.ArrayElement(Places), StringComparison.Ordinal)
        .Replace("{wait}", _faker.Random.ArrayElement(Waits), StringComparison.Ordinal)
        .Replace("{title}", _faker.Random.ArrayElement(["Dr", "Nurse", "Sister", "Mr", "Mrs"]), StringComparison.Ordinal)
        .Replace("{name}", _faker.Name.LastName(), StringComparison.Ordinal)
        .Replace("{phone}", "07700 9" + _faker.Random.Int(0, 99999).ToString("D5", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
