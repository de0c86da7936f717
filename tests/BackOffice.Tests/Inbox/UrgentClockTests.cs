using QualityVoice.BackOffice.Features.Inbox;

namespace QualityVoice.BackOffice.Tests.Inbox;

public sealed class UrgentClockTests
{
    [Theory]
    [InlineData(24, "Due in 24 hours")]
    [InlineData(0.5, "Due in 1 hour")]
    [InlineData(-1.5, "Overdue by 1 hour")]
    [InlineData(-47.9, "Overdue by 47 hours")]
    [InlineData(-48, "Overdue by 2 days")]
    [InlineData(-8279, "Overdue by 344 days 23 hours")]
    [InlineData(-25 * 24 - 1, "Overdue by 25 days 1 hour")]
    public void The_clock_reads_in_hours_then_days_and_hours(double hoursLeft, string says) =>
        Assert.Equal(says, UrgentClock.Describe(TimeSpan.FromHours(hoursLeft)));
}
