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
    [Fact]
    public async Task The_weekly_pack_opens_accessibly_and_its_pdf_is_the_document_a_browser_prints()
    {
        var staff = await fixture.NewPageAsync();
        await staff.SignInAsync(fixture.Apps.BackOffice, Accounts.AdministratorEmail, "/reports");
        await staff.AssertAccessibleAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Weekly insights pack" }).ClickAsync();
        Assert.Equal("Weekly insights pack", await staff.Locator("h1").InnerTextAsync());
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
        Assert.Contains("Weeklyinsightspack", text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(period.Replace(" ", string.Empty, StringComparison.Ordinal), text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("FreedomtoSpeakUp", text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("Sign out", text, StringComparison.Ordinal);
        Assert.All(pdf.GetPages(), page => Assert.Equal(595, page.Width, 1.0));
        await staff.SetViewportSizeAsync(1280, 900);
        using var printed = PdfDocument.Open(await staff.PdfAsync(new() { PreferCSSPageSize = true }));
        Assert.Equal(printed.NumberOfPages, pdf.NumberOfPages);

        // Without JavaScript the pack is all there.
        var plain = await fixture.NewPageAsync(javaScriptEnabled: false);
        await plain.SignInAsync(fixture.Apps.BackOffice, Accounts.AdministratorEmail, "/reports/weekly");
        Assert.Equal(7, await plain.Locator("main section h2").CountAsync());
    }
}
