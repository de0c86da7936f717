using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Analysis;
using QualityVoice.BackOffice.Features.Reports;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Reports;

/// <summary>Last week at A&amp;E (one urgent comment) and last month on the wards.</summary>
public sealed class WeekToKeep : BackOfficeFactory, IAsyncLifetime
{
    public DateOnly LastWeek { get; } = EarlyWarnings.WeekOf(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime)).AddDays(-7);

    public YearMonth LastMonth { get; } = YearMonth.Of(TimeProvider.System.GetUtcNow()).AddMonths(-1);

    public DateTimeOffset Tuesday => new(LastWeek.AddDays(1).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        var wards = new DateTimeOffset(LastMonth.FirstDay.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        await this.ImportAsync(
            new Sample("Waited six hours in the corridor") { At = Tuesday, Urgent = true },
            new Sample("Quick and kind") { At = Tuesday.AddHours(1), Sentiment = Sentiment.Positive, Fft = FftRating.VeryGood, Themes = ["Staff manner & personal attributes"] },
            new Sample("The nurses were kind all week") { ServiceId = "rtd-wards", At = wards, Sentiment = Sentiment.Positive, Fft = FftRating.VeryGood, Themes = ["Staff manner & personal attributes"] },
            new Sample("Discharge took all day") { ServiceId = "rtd-wards", At = wards.AddDays(3) });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class KeptReportsTests(WeekToKeep backOffice) : IClassFixture<WeekToKeep>
{
    [Fact]
    public async Task A_kept_pack_is_made_in_the_background_listed_and_keeps_the_figures_of_when_it_was_made()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);
        var live = "/reports/weekly?week=" + backOffice.LastWeek.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var page = await browser.GetPageAsync(live);

        using (var asked = await browser.SubmitAsync(page, [], "form.qv-report-keep"))
        {
            await asked.ShouldBeAsync(HttpStatusCode.Redirect);
            Assert.Equal("/reports/kept", asked.Headers.Location?.OriginalString);
        }

        await backOffice.AllKeptAsync();
        var list = await browser.GetPageAsync("/reports/kept");
        Assert.Contains("No reports are kept on a schedule here", list.Body!.TextContent, StringComparison.Ordinal);
        var row = Assert.Single(list.QuerySelectorAll("[data-testid=kept] tbody tr"), row => row.TextContent.Contains("Weekly insights pack", StringComparison.Ordinal));
        Assert.Equal(WeeklyPackFigures.TitleOf(backOffice.LastWeek), row.QuerySelector("a")!.TextContent);
        Assert.Contains("qualityteam@", row.Children[2].TextContent, StringComparison.Ordinal);
        var address = row.QuerySelector("a")!.GetAttribute("href")!;
        var kept = await browser.GetPageAsync(address);

        // The copy shows what the pack showed when it was made, section by section, and says it is a copy.
        Assert.Equal(Sections(page), Sections(kept));
        Assert.Contains("This is a kept copy", kept.QuerySelector("[data-testid=kept-copy]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(kept.QuerySelector("form.qv-report-keep"));
        Assert.Contains(address.Split('?')[1], kept.QuerySelector("[data-testid=pdf]")?.GetAttribute("href") ?? address, StringComparison.Ordinal);

        // Feedback that arrives late changes the pack as it is now, not the copy.
        await backOffice.ImportAsync(new Sample("Left on a trolley overnight") { At = backOffice.Tuesday.AddHours(2), Urgent = true });
        Assert.Equal(2, (await browser.GetPageAsync(live)).QuerySelectorAll("[data-testid=urgent] tbody tr").Length);
        Assert.Single((await browser.GetPageAsync(address)).QuerySelectorAll("[data-testid=urgent] tbody tr"));
    }

    [Fact]
    public async Task A_pack_kept_before_the_urgency_flag_was_measured_still_opens_and_says_it_has_no_figures_for_it()
    {
        // The figures of a pack kept before 2026-12-02 have no urgency flag: they are read as they were written.
        var keptReports = backOffice.Services.GetRequiredService<IKeptReports>();
        using var scope = backOffice.Services.CreateScope();
        var figures = await WeeklyPackFigures.ReadAsync(
            scope.ServiceProvider.GetRequiredService<WeeklyInsightsReader>(), scope.ServiceProvider.GetRequiredService<VoicesReader>(), backOffice.LastWeek, CancellationToken.None);
        var json = JsonNode.Parse(KeptFigures.Write(figures))!;
        var pack = json["pack"]!.AsObject();
        Assert.True(pack.Remove("urgencyFlag") && pack.Remove("urgencyFlagOverWeeks"));
        await keptReports.AddAsync(new KeptReport("before-the-flag", KeptReportKind.WeeklyPack, "A pack kept before the flag was measured", TimeProvider.System.GetUtcNow(), "test", json.ToJsonString()), CancellationToken.None);
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        var kept = await browser.GetPageAsync("/reports/weekly?kept=before-the-flag");

        Assert.Contains("kept before the pack measured the urgency flag", kept.QuerySelector("[data-testid=urgency-flag-not-kept]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(kept.QuerySelector("[data-testid=urgency-flag]"));
        Assert.NotEmpty(kept.QuerySelectorAll("[data-testid=urgent] tbody tr"));
    }

    [Fact]
    public async Task A_kept_service_report_shows_its_figures_without_the_form_that_records_a_level()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);
        var page = await browser.GetPageAsync($"/reports/service?service=rtd-wards&from={backOffice.LastMonth}&to={backOffice.LastMonth}");
        Assert.NotNull(page.QuerySelector("form[action*=Escalate]"));

        using (var asked = await browser.SubmitAsync(page, [], "form.qv-report-keep"))
        {
            await asked.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        await backOffice.AllKeptAsync();
        var list = await browser.GetPageAsync("/reports/kept");
        var link = Assert.Single(list.QuerySelectorAll("[data-testid=kept] a"), link => link.TextContent.StartsWith("Service quality report", StringComparison.Ordinal));
        Assert.Contains("Hospital wards", link.TextContent, StringComparison.Ordinal);
        var kept = await browser.GetPageAsync(link.GetAttribute("href")!);

        Assert.Equal(Sections(page).Skip(1), Sections(kept).Skip(1));
        Assert.Null(kept.QuerySelector("form[action*=Escalate]"));
        Assert.Equal("rtd-wards", (kept.QuerySelector("select[name=service]") as IHtmlSelectElement)?.Value);
    }

    [Fact]
    public async Task A_kept_report_of_the_other_kind_is_not_found_and_asking_without_a_service_is_refused()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.EngagementTeam);
        var keptReports = backOffice.Services.GetRequiredService<IKeptReports>();
        await keptReports.AddAsync(new KeptReport("weekly-only", KeptReportKind.WeeklyPack, "A pack", TimeProvider.System.GetUtcNow(), "test", "{}"), CancellationToken.None);

        using var wrongKind = await browser.GetAsync("/reports/service?kept=weekly-only");
        var page = await browser.GetPageAsync("/reports/service");
        using var noService = await browser.PostAsync("/reports/service?handler=Keep", new FormUrlEncodedContent([new("__RequestVerificationToken", (page.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value ?? string.Empty)]));

        await wrongKind.ShouldBeAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.BadRequest, noService.StatusCode);
        Assert.Contains("Choose a service from the list", await noService.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The report's sections as HTML (the escalation section first on a service report: its form is the live report's only).</summary>
    private static string[] Sections(AngleSharp.Dom.IDocument page) => [.. page.QuerySelectorAll("section.qv-report-section").Select(section => section.InnerHtml)];
}

/// <summary>A back office whose schedule keeps reports (looked at by the test, not by the clock).</summary>
public sealed class ScheduledReports : BackOfficeFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Reports:Schedule:WeeklyPack"] = "true",
        ["Reports:Schedule:ServiceReports"] = "true",
        ["Reports:Schedule:FirstLook"] = "1.00:00:00",
    };
}

public sealed class ReportScheduleTests(ScheduledReports backOffice) : IClassFixture<ScheduledReports>
{
    [Fact]
    public async Task The_schedule_keeps_last_weeks_pack_and_every_services_report_for_the_last_pair_of_months_once()
    {
        var schedule = backOffice.Services.GetRequiredService<ReportSchedule>();
        var services = backOffice.Services.GetRequiredService<QualityVoice.Content.ContentPack>().Organisations.Sum(organisation => organisation.Services.Count);
        var now = TimeProvider.System.GetUtcNow();

        var queued = await schedule.QueueDueAsync(CancellationToken.None);
        await backOffice.AllKeptAsync();

        var again = await schedule.QueueDueAsync(CancellationToken.None);
        var kept = await backOffice.Services.GetRequiredService<IKeptReports>().ListAsync(CancellationToken.None);

        var list = await (await backOffice.SignInAsync(StaffRoles.QualityTeam)).GetPageAsync("/reports/kept");
        Assert.Contains("On a schedule, QualityVoice also keeps the weekly insights pack for each week once it has ended, and a service quality report for every service every two months", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1 + services, queued);
        Assert.Equal(0, again);
        Assert.Equal(1 + services, kept.Count);
        Assert.All(kept, report => Assert.Equal(KeptReport.Schedule, report.GeneratedBy));
        var lastWeek = EarlyWarnings.WeekOf(DateOnly.FromDateTime(now.UtcDateTime)).AddDays(-7);
        Assert.Contains(kept, report => report.Id == KeptReport.ScheduledId(KeptReportKind.WeeklyPack, lastWeek.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var (from, to) = ReportSchedule.LastPairOfMonths(YearMonth.Of(now));
        Assert.Contains(kept, report => report.Id == KeptReport.ScheduledId(KeptReportKind.ServiceReport, $"rtd-ae-{from}-{to}"));
    }

    [Theory]
    [InlineData(2026, 12, "2026-09", "2026-10")]
    [InlineData(2027, 1, "2026-11", "2026-12")]
    [InlineData(2027, 2, "2026-11", "2026-12")]
    [InlineData(2027, 3, "2027-01", "2027-02")]
    public void The_pairs_of_months_run_january_and_february_march_and_april_and_so_on(int year, int month, string from, string to)
    {
        var (first, last) = ReportSchedule.LastPairOfMonths(new YearMonth(year, month));

        Assert.Equal((from, to), (first.ToString(), last.ToString()));
    }
}
