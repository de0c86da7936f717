using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Analysis;
using QualityVoice.BackOffice.Features.Dashboard;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Dashboard;

/// <summary>
/// A back office where parking at one emergency department turned negative in the last four weeks after half a
/// year of mostly praise, and a maternity unit that is steady.
/// </summary>
public sealed class TurningNegative : BackOfficeFactory, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        var now = TimeProvider.System.GetUtcNow();
        var samples = new List<Sample>();
        for (var i = 0; i < 40; i++)
        {
            // Half a year before: 4 in 40 negative.
            var negative = i % 10 == 0;
            samples.Add(new Sample("Parking before") with
            {
                Themes = ["Parking"], At = now.AddDays(-35 - (i * 4)),
                Sentiment = negative ? Sentiment.Negative : Sentiment.Positive, Fft = negative ? FftRating.Poor : FftRating.Good,
            });
        }

        for (var i = 0; i < 10; i++)
        {
            // The last three weeks: 8 in 10 negative.
            var negative = i < 8;
            samples.Add(new Sample("Parking lately") with
            {
                Themes = ["Parking"], At = now.AddDays(-1 - (i * 2)),
                Sentiment = negative ? Sentiment.Negative : Sentiment.Positive, Fft = negative ? FftRating.Poor : FftRating.Good,
            });
        }

        for (var i = 0; i < 30; i++)
        {
            var negative = i % 3 == 0;
            samples.Add(new Sample("Maternity") with
            {
                ServiceId = "rtd-maternity", Themes = ["Staff manner & personal attributes"], At = now.AddDays(-1 - (i * 6)),
                Sentiment = negative ? Sentiment.Negative : Sentiment.Positive, Fft = negative ? FftRating.Poor : FftRating.VeryGood,
            });
        }

        await this.ImportAsync([.. samples]);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class DashboardTests(TurningNegative backOffice) : IClassFixture<TurningNegative>
{
    [Fact]
    public async Task The_dashboard_warns_of_the_theme_turning_negative_and_links_to_the_comments_behind_it()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        var page = await browser.GetPageAsync("/dashboard");

        var warnings = page.QuerySelectorAll("table").Single(table => table.QuerySelector("caption")?.TextContent.Trim() == "Early warnings");
        var row = Assert.Single(warnings.QuerySelectorAll("tbody tr"));
        Assert.Contains("Accident and emergency", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Parking", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("8 of 10", row.TextContent, StringComparison.Ordinal);
        var link = row.QuerySelector("a")!.GetAttribute("href")!;
        var comments = await browser.GetPageAsync(link);
        Assert.Equal(8, comments.QuerySelectorAll("input[name=selected]").Length);
    }

    [Fact]
    public async Task Volume_and_the_FFT_scores_are_those_of_the_period_and_service_chosen()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        var all = await browser.GetPageAsync("/dashboard");
        var maternity = await browser.GetPageAsync("/dashboard?service=rtd-maternity");

        Assert.Equal(["80", "72.5%", "27.5%"], Cards(all));
        Assert.Equal(["30", "66.7%", "33.3%"], Cards(maternity));
        Assert.DoesNotContain(maternity.QuerySelectorAll("table"), table => table.QuerySelector("caption")?.TextContent.Trim() == "Early warnings");
    }

    [Theory]
    [InlineData("/dashboard?from=April", "from")]
    [InlineData("/dashboard?from=2026-06&to=2026-01", "to")]
    [InlineData("/dashboard?from=1900-01&to=2026-01", "to")]
    [InlineData("/dashboard?service=nowhere", "service")]
    public async Task A_period_or_service_it_does_not_know_is_a_400_that_names_it(string path, string field)
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        var page = await response.ReadPageAsync();
        Assert.Contains(page.QuerySelectorAll(".nhsuk-error-summary a"), a => a.GetAttribute("href") == "#" + field);
    }

    [Fact]
    public async Task The_dashboard_fits_in_a_few_screens_with_every_chart_s_data_one_click_away()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        var page = await browser.GetPageAsync("/dashboard");

        Assert.Equal(4, page.QuerySelectorAll("[data-testid=headline] .nhsuk-card").Length);
        Assert.All(page.QuerySelectorAll("canvas[data-chart]"), canvas =>
            Assert.NotNull(canvas.Closest("section")!.QuerySelector("details table")));
        Assert.True(page.QuerySelectorAll("table").Length <= 12, "the dashboard shows a few tables, not one per service");
        var top = page.QuerySelector("[data-testid=top-themes]")!;
        Assert.Equal(["Parking", "Staff manner & personal attributes"], top.QuerySelectorAll("tbody tr td:first-child").Select(cell => cell.CellText()));
    }

    [Fact]
    public void Themes_and_services_are_compared_with_the_period_before()
    {
        var pack = backOffice.Services.GetRequiredService<ContentPack>();
        var march = new YearMonth(2026, 3);
        var april = new YearMonth(2026, 4);
        MonthlyCount Items(YearMonth month, string service, string sentiment, int count, FftRating fft = FftRating.Good) => new(month, service, fft, sentiment, count);

        var report = DashboardReport.Build(
            april,
            april,
            [Items(april, "rtd-ae", "negative", 30, FftRating.Poor), Items(april, "rtd-ae", "positive", 20), Items(april, "rtd-maternity", "positive", 50)],
            [new ThemeCount(april, "rtd-ae", "Parking", 0, 0, 25, 0, 25), new ThemeCount(april, "rtd-maternity", "Staff manner & personal attributes", 10, 0, 0, 0, 10)],
            [Items(march, "rtd-ae", "negative", 10, FftRating.Poor), Items(march, "rtd-ae", "positive", 40), Items(march, "rtd-maternity", "positive", 50)],
            [new ThemeCount(march, "rtd-ae", "Parking", 0, 0, 5, 0, 5), new ThemeCount(march, "rtd-maternity", "Staff manner & personal attributes", 30, 0, 0, 0, 30)],
            [],
            pack);

        Assert.Equal((march, march), report.Previous);
        Assert.Equal(30.0, report.Now.PercentNegative);
        Assert.Equal(10.0, report.Before.PercentNegative);
        var parking = Assert.Single(report.Rising);
        Assert.Equal(("Parking", 20.0), (parking.Theme, parking.Change));
        var manner = Assert.Single(report.Falling);
        Assert.Equal(("Staff manner & personal attributes", -20.0), (manner.Theme, manner.Change));
        var ae = Assert.Single(report.RisingNegative);
        Assert.Equal(("rtd-ae", 40.0, "Parking"), (ae.ServiceId, ae.Change, ae.TopTheme));
        Assert.Equal(["rtd-ae", "rtd-maternity"], report.Services.Select(service => service.ServiceId).Order(StringComparer.Ordinal));
    }

    private static string[] Cards(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".nhsuk-card__heading").Take(3).Select(heading => heading.TextContent.Trim()).ToArray();
}
