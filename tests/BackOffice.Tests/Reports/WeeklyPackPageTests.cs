using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Analysis;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;
using QualityVoice.Analysis.Urgency;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Triage;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Reports;

/// <summary>
/// This week so far: three urgent comments at A&amp;E, two kind ones at maternity, and six speak-up cases. The week
/// before, a flagged comment read and found to need no action, and one a member of staff marked urgent.
/// </summary>
public sealed class WeekOfFeedback : BackOfficeFactory, IAsyncLifetime
{
    public const string Concern = "The rota on ward 7 leaves one nurse for twenty patients at night.";

    public DateOnly Week { get; } = EarlyWarnings.WeekOf(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));

    public IReadOnlyList<string> Urgent { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var monday = new DateTimeOffset(Week.ToDateTime(new TimeOnly(0, 1)), TimeSpan.Zero);
        Urgent = [.. await this.ImportAsync([.. Enumerable.Range(0, 3).Select(i => new Sample($"Urgent {i}") { Urgent = true, At = monday.AddSeconds(i) })])];
        await this.ImportAsync(
            new Sample("Kind midwives") { ServiceId = "rtd-maternity", Sentiment = Sentiment.Positive, Fft = FftRating.VeryGood, Themes = ["Staff manner & personal attributes"], At = monday },
            new Sample("Kind midwives again") { ServiceId = "rtd-maternity", Sentiment = Sentiment.Positive, Fft = FftRating.VeryGood, Themes = ["Staff manner & personal attributes"], At = monday });
        var lastWeek = monday.AddDays(-7);
        var judged = await this.ImportAsync(new Sample("The wait was murder") { Urgent = true, At = lastWeek }, new Sample("She hits him when nobody is looking") { At = lastWeek });
        var queue = Services.GetRequiredService<IUrgentQueue>();
        Assert.True(await queue.AcknowledgeAsync(judged[0], new UrgentAcknowledgement("quality@example.nhs.uk", lastWeek.AddHours(2), UrgentResponse.NoRiskFound), CancellationToken.None));
        Assert.True(await queue.MarkUrgentAsync(judged[1], new UrgentMarking("quality@example.nhs.uk", lastWeek.AddHours(3), UrgencyReasons.Abuse), CancellationToken.None));
        var intake = Services.GetRequiredService<SpeakUpIntake>();
        for (var i = 0; i < 6; i++)
        {
            await intake.RaiseAsync(
                new NewSpeakUpCase(i == 0 ? SpeakUpMode.Anonymous : SpeakUpMode.Confidential, [SpeakUpCategory.PatientSafetyOrQuality], DetrimentAnswer.No, "nursing-and-midwifery", null, Concern, i == 0 ? null : "Sam Patel", i == 0 ? null : "07700 900456"),
                null,
                CancellationToken.None);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class WeeklyPackPageTests(WeekOfFeedback backOffice) : IClassFixture<WeekOfFeedback>
{
    [Fact]
    public async Task The_pack_lists_the_weeks_urgent_items_counts_the_feeling_and_gives_speak_up_counts_only()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        var page = await browser.GetPageAsync("/reports/weekly?week=" + backOffice.Week.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        Assert.Contains("Week starting Monday " + backOffice.Week.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), page.QuerySelector("[data-testid=period]")!.TextContent, StringComparison.Ordinal);
        var urgent = page.QuerySelectorAll("[data-testid=urgent] tbody tr");
        Assert.Equal(backOffice.Urgent, urgent.Select(row => row.QuerySelector("a")!.TextContent));
        Assert.All(urgent, row => Assert.Contains("Not read yet", row.TextContent, StringComparison.Ordinal));
        var feeling = page.QuerySelectorAll("[data-testid=feeling] tbody tr").ToDictionary(row => row.Children[0].TextContent, row => row.Children[1].TextContent);
        Assert.Equal("3 (60.0%)", feeling["Negative"]);
        Assert.Equal("2 (40.0%)", feeling["Positive"]);
        Assert.NotNull(page.QuerySelector("figure svg[role=img][aria-label*='5 comments']"));

        // The urgency flag: this week 3 flagged and none read; over five weeks also last week's false alarm and miss.
        var flag = page.QuerySelectorAll("[data-testid=urgency-flag] tbody tr").ToDictionary(row => row.Children[0].TextContent, row => (Week: row.Children[1].TextContent, Weeks: row.Children[2].TextContent));
        Assert.Equal(("5", "7"), flag["Analysed"]);
        Assert.Equal(("3", "4"), flag["Flagged urgent by the analysis"]);
        Assert.Equal(("3", "3"), flag["Flagged, not read yet"]);
        Assert.Equal(("0", "1"), flag["Flagged, read, no risk found (false alarms)"]);
        Assert.Equal(("0", "1"), flag["Not flagged, marked urgent by staff (missed)"]);
        Assert.StartsWith("0 of 2 (0.0%; 95% interval 0.0% to ", flag["False alarms, of the comments with no known risk"].Week, StringComparison.Ordinal);
        Assert.StartsWith("1 of 3 (33.3%; 95% interval 6.1% to ", flag["False alarms, of the comments with no known risk"].Weeks, StringComparison.Ordinal);
        Assert.Equal(("–", "0 of 1 (0.0%; 95% interval 0.0% to 79.3%)"), flag["Flagged, of the urgent comments staff know of"]);

        // Until the guardians choose, the pack shows no speak-up figure; then only those they release.
        Assert.Contains("have not released any figures", page.QuerySelector("[data-testid=speak-up]")!.TextContent, StringComparison.Ordinal);
        var guardian = await backOffice.SignInAsync(StaffRoles.FtsuGuardian);
        using (var saved = await guardian.SubmitAsync(await guardian.GetPageAsync("/speak-up/insights-pack"), [new("Measures", "cases"), new("Measures", "anonymous"), new("Measures", "elements")], "main form"))
        {
            await saved.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        page = await browser.GetPageAsync("/reports/weekly?week=" + backOffice.Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var speakUp = page.QuerySelectorAll("[data-testid=speak-up] tbody tr").ToDictionary(row => row.Children[0].TextContent, row => row.Children[1].TextContent);
        Assert.Equal("6", speakUp["Cases raised"]);
        Assert.Equal("1 to 4 (hidden)", speakUp["Cases raised anonymously"]);
        Assert.Equal("6", speakUp["Element of patient safety or quality"]);
        Assert.False(speakUp.ContainsKey("Cases where detriment for speaking up was indicated"));
        Assert.DoesNotContain("ward 7", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Patel", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_week_not_yet_started_is_refused_with_a_message()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.EngagementTeam);

        using var response = await browser.GetAsync(new Uri("/reports/weekly?week=" + backOffice.Week.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), UriKind.Relative));

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains("The week must have started", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_chromium_cannot_print_the_pdf_is_refused_with_a_message_that_says_so()
    {
        // The in-memory test host has no address for Chromium to fetch the stylesheets from: as if it were not installed.
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        using var response = await browser.GetAsync(new Uri("/reports/weekly?format=pdf", UriKind.Relative));

        await response.ShouldBeAsync(HttpStatusCode.NotFound);
        Assert.Contains("print it from your browser", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
