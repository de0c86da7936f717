using System.Net;
using QualityVoice.Analysis;
using QualityVoice.Feedback;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Reports;

/// <summary>Last month at the wards: kind staff, long waits, and one urgent comment the report must never quote.</summary>
public sealed class MonthAtTheWards : BackOfficeFactory, IAsyncLifetime
{
    public YearMonth LastMonth { get; } = YearMonth.Of(TimeProvider.System.GetUtcNow()).AddMonths(-1);

    public async Task InitializeAsync()
    {
        var start = new DateTimeOffset(LastMonth.FirstDay.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        Sample Wards(string text, int day) => new(text) { ServiceId = "rtd-wards", At = start.AddDays(day) };
        await this.ImportAsync(
            Wards("The nurses were kind and patient with my dad all week", 1) with { Sentiment = Sentiment.Positive, Fft = FftRating.VeryGood, Themes = ["Staff manner & personal attributes"], ThemeConfidence = 0.97 },
            Wards("Staff were lovely, thank you", 2) with { Sentiment = Sentiment.Positive, Fft = FftRating.Good, Themes = ["Staff manner & personal attributes"], ThemeConfidence = 0.6 },
            Wards("Nice people on the ward, a good stay overall", 20) with { Sentiment = Sentiment.Positive, Fft = FftRating.Good, Themes = ["Staff manner & personal attributes"], ThemeConfidence = 0.7 },
            Wards("Waited four hours for pain relief on the ward", 3) with { Themes = ["Timeliness of care"], ThemeConfidence = 0.9 },
            Wards("Discharge took all day, waiting for medicines", 25) with { Themes = ["Timeliness of care"], ThemeConfidence = 0.5 },
            Wards("Nobody came for hours and I want to end it all", 4) with { Themes = ["Timeliness of care"], ThemeConfidence = 0.99, Urgent = true });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class ServiceReportPageTests(MonthAtTheWards backOffice) : IClassFixture<MonthAtTheWards>
{
    private string Path => $"/reports/service?service=rtd-wards&from={backOffice.LastMonth}&to={backOffice.LastMonth}";

    [Fact]
    public async Task The_report_gives_the_fft_and_quotes_the_comment_the_analysis_is_surest_of_never_an_urgent_one()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.EngagementTeam);

        var page = await browser.GetPageAsync(Path);

        Assert.Contains("Hospital wards", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        // 3 of 6 said good or very good; the month is the trend's last row.
        Assert.StartsWith("50.0% said good or very good and 50.0% poor or very poor, of 6 responses", page.QuerySelector("[data-testid=fft-headline]")!.TextContent, StringComparison.Ordinal);
        var lastMonth = page.QuerySelectorAll("[data-testid=fft-trend] tbody tr").Last();
        Assert.Equal([backOffice.LastMonth.ToDisplayString(), "6", "50.0%", "50.0%"], lastMonth.Children.Select(cell => cell.TextContent));
        var praised = Assert.Single(page.QuerySelectorAll("[data-testid=praised] tbody tr"));
        Assert.Equal("The nurses were kind and patient with my dad all week", praised.QuerySelector("q")!.TextContent);
        Assert.Equal("3 of 3", praised.Children[1].TextContent);
        var criticised = Assert.Single(page.QuerySelectorAll("[data-testid=criticised] tbody tr"));
        Assert.Equal("Waited four hours for pain relief on the ward", criticised.QuerySelector("q")!.TextContent);
        Assert.DoesNotContain("end it all", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*=Escalate]"));
        var elsewhere = await browser.GetPageAsync($"/reports/service?service=rtd-outpatients&from={backOffice.LastMonth}&to={backOffice.LastMonth}");
        Assert.Contains("No level has been recorded", elsewhere.QuerySelector("[data-testid=escalation-level]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quality_team_records_the_services_escalation_level_with_why_and_the_report_keeps_its_history()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);
        var page = await browser.GetPageAsync(Path);

        using (var missing = await browser.SubmitAsync(page, [new("Level", "enhanced"), new("Reason", " ")], "form[action*=Escalate]"))
        {
            await missing.ShouldBeAsync(HttpStatusCode.BadRequest);
            Assert.Contains("Say why the service is at this level", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var enhanced = await browser.SubmitAsync(page, [new("Level", "enhanced"), new("Reason", "Waits for pain relief; agreed at the Quality Committee")], "form[action*=Escalate]"))
        {
            await enhanced.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        using (await browser.SubmitAsync(await browser.GetPageAsync(Path), [new("Level", "intensive"), new("Reason", "No improvement in three months")], "form[action*=Escalate]"))
        {
        }

        var after = await browser.GetPageAsync(Path);
        Assert.StartsWith("Intensive", after.QuerySelector("[data-testid=escalation-level]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Intensive", "Enhanced"], after.QuerySelectorAll("[data-testid=escalation-history] tbody tr").Select(row => row.Children[1].TextContent));
    }

    [Fact]
    public async Task Only_the_quality_team_records_a_level()
    {
        var quality = await backOffice.SignInAsync(StaffRoles.QualityTeam);
        var form = await quality.GetPageAsync(Path);
        var engagement = await backOffice.SignInAsync(StaffRoles.EngagementTeam);
        var theirs = await engagement.GetPageAsync(Path);
        var token = theirs.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var action = form.QuerySelector("form[action*=Escalate]")!.GetAttribute("action")!;

        using var response = await engagement.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent([new("Level", "routine"), new("Reason", "Self-appointed"), new("__RequestVerificationToken", token)]));

        await response.ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_unknown_service_or_month_is_refused_with_a_message()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        using var service = await browser.GetAsync(new Uri("/reports/service?service=nowhere", UriKind.Relative));
        using var month = await browser.GetAsync(new Uri("/reports/service?service=rtd-wards&from=September", UriKind.Relative));

        await service.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains("is not one of the content pack", await service.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await month.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains("The first month must be written like", await month.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
