using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace QualityVoice.Feedback;

/// <summary>A calendar month, such as the month a person's care happened ("roughly when").</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    /// <summary>The month as <c>yyyy-MM</c>.</summary>
    public override string ToString() => $"{Year:D4}-{Month:D2}";

    /// <summary>The month as people read it, for example "March 2025".</summary>
    public string ToDisplayString() =>
        new DateOnly(Year, Month, 1).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Months as people read them: "March 2025", or "March 2025 to May 2025".</summary>
    public static string DisplayPeriod(YearMonth from, YearMonth to) =>
        from == to ? from.ToDisplayString() : $"{from.ToDisplayString()} to {to.ToDisplayString()}";

    /// <summary>The first day of the month.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The month <paramref name="months"/> later (or earlier, when negative).</summary>
    public YearMonth AddMonths(int months)
    {
        var index = (Year * 12) + Month - 1 + months;
        return new YearMonth(index / 12, (index % 12) + 1);
    }

    /// <summary>The month a moment falls in, in UTC.</summary>
    public static YearMonth Of(DateTimeOffset moment) => new(moment.UtcDateTime.Year, moment.UtcDateTime.Month);

    /// <summary>The month a day falls in.</summary>
    public static YearMonth Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>The months of the same number as [<paramref name="from"/>, <paramref name="to"/>] that end the month before it.</summary>
    public static (YearMonth From, YearMonth To) PeriodBefore(YearMonth from, YearMonth to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
        return (from.AddMonths(-months), from.AddMonths(-1));
    }

    /// <summary>Parses <c>yyyy-MM</c>, refusing anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out YearMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || year < 1900 || m is < 1 or > 12)
        {
            return false;
        }

        month = new YearMonth(year, m);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(YearMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    /// <summary>Whether one month is before another.</summary>
    public static bool operator <(YearMonth left, YearMonth right) => left.CompareTo(right) < 0;

    /// <summary>Whether one month is after another.</summary>
    public static bool operator >(YearMonth left, YearMonth right) => left.CompareTo(right) > 0;

    /// <summary>Whether one month is before or the same as another.</summary>
    public static bool operator <=(YearMonth left, YearMonth right) => left.CompareTo(right) <= 0;

    /// <summary>Whether one month is after or the same as another.</summary>
    public static bool operator >=(YearMonth left, YearMonth right) => left.CompareTo(right) >= 0;
}
