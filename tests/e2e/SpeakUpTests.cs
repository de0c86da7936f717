using Microsoft.Playwright;

namespace QualityVoice.E2E;

[Collection(BrowserCollection.Name)]
public sealed class SpeakUpTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_member_of_staff_speaks_up_anonymously_and_opens_the_case_with_its_passphrase()
    {
        var page = await fixture.NewPageAsync();

        await page.VisitAsync(new Uri(fixture.Apps.Portal, "/speak-up"));
        await page.GetByLabel("Anonymously").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Equal("Where do you work?", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Organisation", new() { Exact = true }).SelectOptionAsync("prefer-not-to-say");
        await page.GetByLabel("Allied health professionals").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Patient safety or the quality of care").CheckAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Tell us about your concern").FillAsync("Night staff are told not to report falls on the ward.");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Equal("Check your answers before you speak up", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Send to the Freedom to Speak Up guardian" }).ClickAsync();
        var reference = await page.GetByTestId("reference").InnerTextAsync();
        var passphrase = await page.GetByTestId("passphrase").InnerTextAsync();
        Assert.StartsWith("SU-", reference, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();

        await page.VisitAsync(new Uri(fixture.Apps.Portal, "/speak-up/case"));
        await page.GetByLabel("Reference").FillAsync(reference);
        await page.GetByLabel("Passphrase").FillAsync(passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open my concern" }).ClickAsync();
        Assert.Equal("Received. The guardian will read it.", await page.GetByTestId("status").InnerTextAsync());
        await page.AssertAccessibleAsync();
    }
}
