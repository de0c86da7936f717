using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace QualityVoice.E2E;

/// <summary>
/// The insight reports as the quality team reads them: accessible on a desktop and a phone, whole without JavaScript,
/// and as a PDF printed on the server by Chromium that is the same document a browser prints.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportsTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("Weekly insights pack", "Freedom to Speak Up", 10)]
    [InlineData("Service quality report", "Escalation level", 7)]
    public async Task A_report_opens_accessibly_and_its_pdf_is_the_document_a_browser_prints(string report, string section, int sections)
    {
        var staff = await fixture.NewPageAsync();
        await staff.SignInAsync(fixture.Apps.BackOffice, Accounts.AdministratorEmail, "/reports");
        await staff.AssertAccessibleAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = report }).ClickAsync();
        if (report == "Service quality report")
        {
            await staff.AssertAccessibleAsync();
            await staff.GetByLabel("Service").SelectOptionAsync("rtd-ae");
            await staff.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        }

        Assert.StartsWith(report, await staff.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        var period = await staff.Locator("[data-testid=period]").InnerTextAsync();
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            await staff.SetViewportSizeAsync(width, height);
            await staff.AssertAccessibleAsync();
            await staff.AssertFitsTheScreenAsync();
        }

        // The PDF the server prints has the pack's words, and as many A4 pages as the browser's own print of the page.
        var pdfLink = await staff.Locator("[data-testid=pdf]").GetAttributeAsync("href");
        var response = await staff.APIRequest.GetAsync(new Uri(fixture.Apps.BackOffice, pdfLink).ToString());
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        using var pdf = PdfDocument.Open(await response.BodyAsync());
        var text = string.Join(" ", pdf.GetPages().Select(page => page.Text));
        static string Squeezed(string text) => text.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Contains(Squeezed(report), Squeezed(text), StringComparison.Ordinal);
        Assert.Contains(Squeezed(period), Squeezed(text), StringComparison.Ordinal);
        Assert.Contains(Squeezed(section), Squeezed(text), StringComparison.Ordinal);
        Assert.DoesNotContain("Sign out", text, StringComparison.Ordinal);
        Assert.All(pdf.GetPages(), page => Assert.Equal(595, page.Width, 1.0));
        await staff.SetViewportSizeAsync(1280, 900);
        using var printed = PdfDocument.Open(await staff.PdfAsync(new() { PreferCSSPageSize = true }));
        Assert.Equal(printed.NumberOfPages, pdf.NumberOfPages);

        // The PDF is in the audit log, as a download is.
        var reportPage = staff.Url;
        await staff.GotoAsync(new Uri(fixture.Apps.BackOffice, "/admin/audit").ToString());
        Assert.Contains("PDF of " + pdfLink!.Split('?')[0], await staff.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
        await staff.GotoAsync(reportPage);

        // Without JavaScript the report is all there.
        var plain = await fixture.NewPageAsync(javaScriptEnabled: false);
        await plain.SignInAsync(fixture.Apps.BackOffice, Accounts.AdministratorEmail, new Uri(staff.Url).PathAndQuery);
        Assert.Equal(sections, await plain.Locator("main section h2").CountAsync());

        // A kept copy is made in the background: the list says how it is going, then opens it, with its own PDF.
        await staff.GetByRole(AriaRole.Button, new() { Name = "Keep a copy" }).ClickAsync();
        Assert.EndsWith("/reports/kept", staff.Url, StringComparison.Ordinal);
        await staff.AssertAccessibleAsync();
        // The schedule keeps reports too (by "the schedule"): this one is the administrator's.
        var copy = staff.Locator("[data-testid=kept] tbody tr", new() { HasText = Accounts.AdministratorEmail }).Filter(new() { HasText = report }).Locator("a");
        for (var tries = 0; await copy.CountAsync() == 0 && tries < 50; tries++)
        {
            await staff.WaitForTimeoutAsync(200);
            await staff.ReloadAsync();
        }

        await copy.First.ClickAsync();
        Assert.Contains("This is a kept copy", await staff.Locator("[data-testid=kept-copy]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(period, await staff.Locator("[data-testid=period]").InnerTextAsync());
        Assert.Equal(sections, await staff.Locator("main section h2").CountAsync());
        await staff.AssertAccessibleAsync();
        Assert.Contains("kept=", await staff.Locator("[data-testid=pdf]").GetAttributeAsync("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quality_team_uploads_other_intelligence_and_records_a_level_and_the_service_report_shows_both()
    {
        const string quality = "reports.lead@e2e.example.nhs.uk";
        var admin = await fixture.NewPageAsync();
        await admin.SignInAsync(fixture.Apps.BackOffice, Accounts.AdministratorEmail, "/admin/users");
        await admin.AddAccountAsync(quality, "Quality team");

        var staff = await fixture.NewPageAsync();
        await staff.SignInAsync(fixture.Apps.BackOffice, quality, "/reports/intelligence");
        await staff.AssertAccessibleAsync();
        var month = TimeProvider.System.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await staff.GetByLabel("The CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "counts.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"service,month,channel,subject,count\nrtd-children,{month},complaints,Communication,4\nrtd-children,{month},pals,,9\n"),
        });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        Assert.Contains("Saved 2 counts for 1 service", await staff.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await staff.AssertAccessibleAsync();

        await staff.GotoAsync(new Uri(fixture.Apps.BackOffice, $"/reports/service?service=rtd-children&from={month}&to={month}").ToString());
        await staff.GetByText("Record a new level").ClickAsync();
        await staff.GetByLabel("Enhanced").CheckAsync();
        await staff.GetByLabel("Why this level").FillAsync("Complaints about communication rising; agreed at the Quality Committee");
        await staff.AssertAccessibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Record level" }).ClickAsync();
        Assert.Contains("escalation level is now Enhanced", await staff.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Enhanced", await staff.Locator("[data-testid=escalation-level]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Communication (4)", await staff.Locator("[data-testid=intelligence]").InnerTextAsync(), StringComparison.Ordinal);
        await staff.AssertAccessibleAsync();
        await staff.AssertFitsTheScreenAsync();

        // Outreach: this pack describes no population, and says so.
        await staff.GotoAsync(new Uri(fixture.Apps.BackOffice, "/reports/outreach").ToString());
        Assert.Contains("cannot be tied to a group yet", await staff.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await staff.AssertAccessibleAsync();

        // The pages around the reports on a phone too.
        await staff.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/reports/outreach", "/reports/intelligence", "/reports/kept", "/reports" })
        {
            await staff.GotoAsync(new Uri(fixture.Apps.BackOffice, path).ToString());
            await staff.AssertAccessibleAsync();
            await staff.AssertFitsTheScreenAsync();
        }
    }
}
