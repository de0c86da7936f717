namespace QualityVoice.Feedback;

/// <summary>
/// UK time (Europe/London, with British Summer Time), in which people read dates and times and in which a "day" is
/// counted. Everything is stored in UTC; this is for showing and for days.
/// </summary>
public static class UkTime
{
    /// <summary>The time zone.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>A moment as UK clocks show it.</summary>
    public static DateTimeOffset Of(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The UK day a moment falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(Of(at).DateTime);

    /// <summary>The moment a UK clock shows <paramref name="time"/> on <paramref name="day"/>.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
