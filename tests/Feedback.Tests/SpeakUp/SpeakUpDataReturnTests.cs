using QualityVoice.Feedback.SpeakUp;

namespace QualityVoice.Feedback.Tests.SpeakUp;

public sealed class SpeakUpDataReturnTests
{
    [Theory]
    [InlineData("2026-04-01", "2026-Q1")]
    [InlineData("2026-06-30", "2026-Q1")]
    [InlineData("2026-07-01", "2026-Q2")]
    [InlineData("2026-12-31", "2026-Q3")]
    [InlineData("2027-01-01", "2026-Q4")]
    [InlineData("2027-03-31", "2026-Q4")]
    public void The_financial_year_starts_in_april(string day, string expected)
    {
        Assert.Equal(expected, FinancialQuarter.Of(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ToString());
    }

    [Fact]
    public void A_quarter_reads_and_writes_itself_and_knows_its_days()
    {
        Assert.True(FinancialQuarter.TryParse("2026-Q4", out var quarter));
        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31)), (quarter.First, quarter.Last));
        Assert.Equal("Quarter 4 of 2026/27 (January to March 2027)", quarter.ToDisplayString());
        Assert.Equal(new FinancialQuarter(2026, 3), quarter.Previous);
        Assert.Equal(new FinancialQuarter(2025, 4), new FinancialQuarter(2026, 1).Previous);
        foreach (var bad in new[] { "2026-Q5", "2026Q1", "26-Q1", "", "2026-Q1 " })
        {
            Assert.False(FinancialQuarter.TryParse(bad, out _));
        }
    }

    [Fact]
    public void The_return_counts_the_quarters_cases_under_each_element_they_have()
    {
        SpeakUpCase Case(string raised, SpeakUpMode mode, DetrimentAnswer detriment, string group, params SpeakUpCategory[] categories) =>
            new("SU-" + Guid.NewGuid().ToString("N")[..4], mode, categories, detriment, group, null, "A concern", null, DateOnly.Parse(raised, System.Globalization.CultureInfo.InvariantCulture), SpeakUpStatus.Received, [], []);

        var cases = new[]
        {
            Case("2026-10-01", SpeakUpMode.Anonymous, DetrimentAnswer.Yes, "nursing-and-midwifery", SpeakUpCategory.PatientSafetyOrQuality, SpeakUpCategory.BullyingOrHarassment),
            Case("2026-12-31", SpeakUpMode.Open, DetrimentAnswer.No, "nursing-and-midwifery", SpeakUpCategory.BullyingOrHarassment),
            Case("2026-11-15", SpeakUpMode.Confidential, DetrimentAnswer.NotSure, "other", SpeakUpCategory.Other),
            Case("2026-09-30", SpeakUpMode.Anonymous, DetrimentAnswer.Yes, "other", SpeakUpCategory.BullyingOrHarassment),
        };

        var counted = SpeakUpDataReturn.Count(cases, new FinancialQuarter(2026, 3));

        Assert.Equal((3, 1, 1), (counted.Cases, counted.Anonymous, counted.DetrimentIndicated));
        Assert.Equal(
            [
                ("Cases raised", 3),
                ("Cases raised anonymously", 1),
                ("Cases with an element of patient safety or quality", 1),
                ("Cases with an element of worker safety or wellbeing", 0),
                ("Cases with an element of bullying or harassment", 2),
                ("Cases with an element of inappropriate attitudes or behaviours", 0),
                ("Cases about something else", 1),
                ("Cases where detriment for speaking up was indicated", 1),
                ("Raised by: Registered nurses and midwives", 2),
                ("Raised by: " + ProfessionalGroups.TextOf("other"), 1),
            ],
            counted.Rows());
    }
}
