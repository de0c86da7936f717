using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using QualityVoice.Feedback;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Reports;

public sealed class IntelligencePageTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    private static readonly YearMonth LastMonth = YearMonth.Of(TimeProvider.System.GetUtcNow()).AddMonths(-1);

    [Fact]
    public async Task The_quality_team_uploads_counts_that_the_service_report_sets_beside_the_feedback()
    {
        var quality = await backOffice.SignInAsync(StaffRoles.QualityTeam);
        var file = $"service,month,channel,subject,count\nrtd-maternity,{LastMonth},complaints,Communication,6\nrtd-maternity,{LastMonth},complaints,Waiting times,2\nrtd-maternity,{LastMonth},incidents,,3\n";

        using (var saved = await UploadAsync(quality, file))
        {
            await saved.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        var page = await quality.GetPageAsync("/reports/intelligence");
        Assert.Contains("Saved 3 counts for 1 service", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=uploaded] tbody tr").Length);
        var report = await quality.GetPageAsync($"/reports/service?service=rtd-maternity&from={LastMonth}&to={LastMonth}");
        var complaints = report.QuerySelectorAll("[data-testid=intelligence] tbody tr").First();
        Assert.Equal(["Complaints", "8", "0", "Communication (6); Waiting times (2)"], complaints.Children.Select(cell => cell.TextContent));
    }

    [Fact]
    public async Task A_file_with_a_bad_row_is_not_saved_and_every_problem_is_listed_with_its_line()
    {
        var quality = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        using var refused = await UploadAsync(quality, $"service,month,channel,count\nrtd-wards,{LastMonth},complaints,4\nnowhere,{LastMonth},letters,x\n");

        await refused.ShouldBeAsync(HttpStatusCode.BadRequest);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Line 3: &#x27;nowhere&#x27; is not a service id", body, StringComparison.Ordinal);
        var report = await quality.GetPageAsync($"/reports/service?service=rtd-wards&from={LastMonth}&to={LastMonth}");
        Assert.Contains("No complaints, PALS, incident or Healthwatch counts", report.QuerySelector("[data-testid=intelligence]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_quality_team_uploads()
    {
        var engagement = await backOffice.SignInAsync(StaffRoles.EngagementTeam);
        var page = await engagement.GetPageAsync("/reports/intelligence");

        Assert.Null(page.QuerySelector("input[type=file]"));
        using var response = await UploadAsync(engagement, "service,month,channel,count\n", page);
        await response.ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string csv, IHtmlDocument? page = null)
    {
        page ??= await browser.GetPageAsync("/reports/intelligence");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "counts.csv");
        return await browser.PostAsync(new Uri("/reports/intelligence", UriKind.Relative), form);
    }
}
