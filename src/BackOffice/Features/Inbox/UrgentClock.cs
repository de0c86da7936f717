using QualityVoice.Feedback;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.BackOffice.Features.Inbox;

/// <summary>
/// The urgent queue's 24-hour clock in words: "Due in 5 hours", "Overdue by 3 hours", and past two days in days and
/// hours ("Overdue by 344 days 23 hours"), because nobody can read 8,279 hours.
/// </summary>
public static class UrgentClock
{
    /// <summary>What the clock says with <paramref name="left"/> to go (negative: overdue).</summary>
    public static string Describe(TimeSpan left) =>
        left > TimeSpan.Zero
            ? $"Due in {Span((int)Math.Ceiling(left.TotalHours))}"
            : $"Overdue by {Span((int)Math.Floor(-left.TotalHours))}";

    /// <summary>How long it took to read an item: "3 hours", "under an hour", "2 days 4 hours".</summary>
    public static string Took(TimeSpan taken) =>
        taken < TimeSpan.FromHours(1) ? "under an hour" : Span((int)Math.Floor(taken.TotalHours));

    /// <summary>What started the clock, as "… after it arrived" ends.</summary>
    public static string After(UrgentClockStart start) => start switch
    {
        UrgentClockStart.Marking => "it was marked urgent",
        UrgentClockStart.UrgentAnswer => "their urgent answer",
        _ => "it arrived",
    };

    private static string Span(int hours)
    {
        if (hours < 48)
        {
            return Counted.Of(hours, "hour");
        }

        var rest = hours % 24;
        return rest == 0 ? Counted.Of(hours / 24, "day") : $"{Counted.Of(hours / 24, "day")} {Counted.Of(rest, "hour")}";
    }
}
