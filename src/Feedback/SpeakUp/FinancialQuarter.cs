using System.Globalization;
using System.Text.RegularExpressions;

namespace QualityVoice.Feedback.SpeakUp;

/// <summary>
/// A quarter of the NHS financial year, which starts on 1 April: quarter 1 is April to June. Written
/// <c>2026-Q3</c> for quarter 3 of 2026/27 (October to December 2026).
/// </summary>
/// <param name="StartYear">The calendar year the financial year starts in.</param>
/// <param name="Quarter">1 to 4.</param>
public readonly partial record struct FinancialQuarter(int StartYear, int Quarter)
{
    /// <summary>Its first day.</summary>
    public DateOnly First => new DateOnly(StartYear, 4, 1).AddMonths((Quarter - 1) * 3);

    /// <summary>Its last day.</summary>
    public DateOnly Last => First.AddMonths(3).AddDays(-1);

    /// <summary>The quarter before.</summary>
    public FinancialQuarter Previous => Quarter == 1 ? new(StartYear - 1, 4) : new(StartYear, Quarter - 1);

    /// <summary>The quarter a day falls in.</summary>
    public static FinancialQuarter Of(DateOnly day) =>
        day.Month >= 4 ? new(day.Year, ((day.Month - 4) / 3) + 1) : new(day.Year - 1, 4);

    /// <summary>Reads <c>2026-Q3</c>; false for anything else.</summary>
    public static bool TryParse(string? text, out FinancialQuarter quarter)
    {
        quarter = default;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        quarter = new(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value[0] - '0');
        return true;
    }

    /// <summary>As it is written in addresses: <c>2026-Q3</c>.</summary>
    public override string ToString() => $"{StartYear}-Q{Quarter}";

    /// <summary>In words: "Quarter 3 of 2026/27 (October to December 2026)".</summary>
    public string ToDisplayString() =>
        $"Quarter {Quarter} of {StartYear}/{(StartYear + 1) % 100:00} ({First.ToString("MMMM", CultureInfo.GetCultureInfo("en-GB"))} to {Last.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))})";

    [GeneratedRegex(@"^(20\d\d)-Q([1-4])$")]
    private static partial Regex Pattern();
}
