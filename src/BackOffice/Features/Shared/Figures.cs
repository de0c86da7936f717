using System.Globalization;

namespace QualityVoice.BackOffice.Features.Shared;

/// <summary>Figures as the dashboard and the reports write them: one decimal place, en-GB, a dash where there is none.</summary>
public static class Figures
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A percentage, such as "42.5%"; "–" when there is none.</summary>
    public static string Percent(double? value) => value is { } v ? v.ToString("0.0", English) + "%" : "–";

    /// <summary>A number to one place, such as "12.3"; "–" when there is none.</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("0.0", English) : "–";

    /// <summary>A change with its sign, such as "+1.5" or "−0.7" (a true minus sign).</summary>
    public static string Points(double change) => (change > 0 ? "+" : change < 0 ? "−" : "") + Math.Abs(change).ToString("0.0", English);
}
