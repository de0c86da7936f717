namespace QualityVoice.Feedback.Tests;

public sealed class YearMonthTests
{
    [Fact]
    public void A_month_reads_and_writes_as_year_dash_month()
    {
        Assert.True(YearMonth.TryParse("2025-03", out var month));
        Assert.Equal(new YearMonth(2025, 3), month);
        Assert.Equal("2025-03", month.ToString());
        Assert.Equal("March 2025", month.ToDisplayString());
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-3")]
    [InlineData("25-03")]
    [InlineData("2025/03")]
    [InlineData("-025-03")]
    [InlineData(null)]
    public void Anything_else_is_not_a_month(string? text)
    {
        Assert.False(YearMonth.TryParse(text, out _));
    }

    [Fact]
    public void Months_compare_in_time_order()
    {
        Assert.True(new YearMonth(2024, 12) < new YearMonth(2025, 1));
        Assert.True(new YearMonth(2025, 1) >= new YearMonth(2025, 1));
    }

    [Theory]
    [InlineData(2026, 11, 1, "2026-12")]
    [InlineData(2026, 12, 1, "2027-01")]
    [InlineData(2026, 1, -1, "2025-12")]
    [InlineData(2026, 11, -24, "2024-11")]
    [InlineData(2026, 3, 0, "2026-03")]
    public void Months_are_added_across_years(int year, int month, int add, string expected)
    {
        Assert.Equal(expected, new YearMonth(year, month).AddMonths(add).ToString());
    }
}
