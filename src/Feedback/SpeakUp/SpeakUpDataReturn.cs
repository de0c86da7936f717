namespace QualityVoice.Feedback.SpeakUp;

/// <summary>
/// A quarter's cases counted as the National Guardian's Office asks guardians to return them: how many, how many
/// raised anonymously, how many with each element, and how many where detriment for speaking up was indicated, with
/// the professional groups of those who spoke up. A case with several elements counts under each.
/// </summary>
/// <param name="Quarter">The quarter (cases raised in it).</param>
/// <param name="Cases">Cases raised.</param>
/// <param name="Anonymous">Of those, raised anonymously.</param>
/// <param name="Elements">Cases with each element, in the office's order.</param>
/// <param name="DetrimentIndicated">Cases where the person said they had experienced detriment.</param>
/// <param name="ProfessionalGroups">Cases by the professional group of who raised them, most first.</param>
public sealed record SpeakUpDataReturn(
    FinancialQuarter Quarter,
    int Cases,
    int Anonymous,
    IReadOnlyList<(SpeakUpCategory Element, int Cases)> Elements,
    int DetrimentIndicated,
    IReadOnlyList<(string Group, int Cases)> ProfessionalGroups)
{
    /// <summary>Counts the cases raised in <paramref name="quarter"/>.</summary>
    public static SpeakUpDataReturn Count(IEnumerable<SpeakUpCase> cases, FinancialQuarter quarter)
    {
        var raised = cases.Where(found => found.RaisedOn >= quarter.First && found.RaisedOn <= quarter.Last).ToArray();
        return new SpeakUpDataReturn(
            quarter,
            raised.Length,
            raised.Count(found => found.Mode == SpeakUpMode.Anonymous),
            Enum.GetValues<SpeakUpCategory>().Select(element => (element, raised.Count(found => found.Categories.Contains(element)))).ToArray(),
            raised.Count(found => found.Detriment == DetrimentAnswer.Yes),
            raised.GroupBy(found => found.ProfessionalGroup)
                .Select(group => (SpeakUp.ProfessionalGroups.TextOf(group.Key), group.Count()))
                .OrderByDescending(pair => pair.Item2)
                .ThenBy(pair => pair.Item1, StringComparer.Ordinal)
                .ToArray());
    }

    /// <summary>The return as rows of (measure, count), in the order the page and the CSV show them.</summary>
    public IReadOnlyList<(string Measure, int Count)> Rows() =>
    [
        ("Cases raised", Cases),
        ("Cases raised anonymously", Anonymous),
        .. Elements.Select(pair => (ElementMeasure(pair.Element), pair.Cases)),
        ("Cases where detriment for speaking up was indicated", DetrimentIndicated),
        .. ProfessionalGroups.Select(pair => ($"Raised by: {pair.Group}", pair.Cases)),
    ];

    private static string ElementMeasure(SpeakUpCategory element) => element == SpeakUpCategory.Other
        ? "Cases about something else"
        : "Cases with an " + char.ToLowerInvariant(SpeakUpText.Category(element)[0]) + SpeakUpText.Category(element)[1..];
}
