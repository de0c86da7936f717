using System.Net;
using System.Net.Http.Headers;
using System.Text;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Reports;

/// <summary>No request to the reports, however malformed, is answered with a 500: each gets a 4xx that says why, or the page.</summary>
public sealed class MalformedReportRequestsTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Theory]
    [InlineData("/reports/weekly?week=%00")]
    [InlineData("/reports/weekly?week=0001-01-01")]
    [InlineData("/reports/weekly?week=9999-12-31")]
    [InlineData("/reports/weekly?week=2026-02-30")]
    [InlineData("/reports/weekly?week=2026-11-23&week=2026-11-30")]
    [InlineData("/reports/weekly?format=docx")]
    [InlineData("/reports/service?service=%3Cscript%3E")]
    [InlineData("/reports/service?service=rtd-ae&from=2026-13")]
    [InlineData("/reports/service?service=rtd-ae&from=0000-01&to=9999-12")]
    [InlineData("/reports/service?service=rtd-ae&from=1900-01&to=2026-01")]
    [InlineData("/reports/service?service=rtd-ae&from=2026-05&to=2026-01")]
    public async Task A_malformed_query_is_answered_without_a_server_error(string path)
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));

        Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("/reports/service?handler=Escalate&service=rtd-ae", "Level=sky-high&Reason=x")]
    [InlineData("/reports/service?handler=Escalate", "Level=enhanced&Reason=Because")]
    [InlineData("/reports/service?handler=Escalate&service=rtd-ae&from=garbage", "Level=enhanced&Reason=Because")]
    [InlineData("/reports/outreach", "Group=%00&What=x&Starts=2026-99")]
    [InlineData("/reports/outreach", "")]
    public async Task A_malformed_form_is_refused_with_a_4xx(string path, string form)
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);
        var page = await browser.GetPageAsync(path.Split('?')[0]);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? string.Empty;

        using var content = new StringContent($"{form}&__RequestVerificationToken={Uri.EscapeDataString(token)}", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await browser.PostAsync(new Uri(path, UriKind.Relative), content);

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Theory]
    [InlineData("counts.csv", new byte[] { 0xFF, 0xFE, 0x00, 0x01, 0x22, 0x0A, 0x22, 0x22, 0x2C })]
    [InlineData("counts.csv", new byte[] { 0x22, 0x73, 0x65, 0x72, 0x76, 0x69, 0x63, 0x65 })]
    [InlineData("counts.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04 })]
    public async Task An_upload_that_is_not_a_csv_of_counts_is_refused_with_a_4xx(string name, byte[] bytes)
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);
        var page = await browser.GetPageAsync("/reports/intelligence");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", name);

        using var response = await browser.PostAsync(new Uri("/reports/intelligence", UriKind.Relative), form);

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
    }
}
