using Microsoft.Playwright;

namespace QualityVoice.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ThinSliceTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Feedback_given_on_the_portal_appears_in_the_back_office_inbox()
    {
        var said = $"The car park barrier was broken again ({Guid.NewGuid():N})";
        var page = await fixture.NewPageAsync();

        await page.VisitAsync(fixture.Apps.Portal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Give feedback about your care" }).ClickAsync();
        Assert.Equal("Give feedback about your care", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Equal("There is a problem", await page.Locator(".nhsuk-error-summary__heading").InnerTextAsync());
        await page.AssertAccessibleAsync();

        await page.GetByLabel("I am the patient").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Equal("Which organisation is your feedback about?", await page.Locator("h1").InnerTextAsync());
        await page.GetByLabel("North Cumbria Integrated Care NHS Foundation Trust").CheckAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Outpatient appointments and clinics").CheckAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Month").FillAsync("10");
        await page.GetByLabel("Year").FillAsync("2026");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Neither good nor poor").CheckAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("What could we do better?").FillAsync(said);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        // The e-mail box shows only once "Yes" is chosen.
        await Assertions.Expect(page.GetByLabel("Email address")).ToBeHiddenAsync();
        await page.GetByLabel("Yes, you may contact me about this feedback").CheckAsync();
        await Assertions.Expect(page.GetByLabel("Email address")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(page.GetByLabel("Email address")).ToBeHiddenAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip these questions" }).ClickAsync();

        Assert.Equal("Check your answers before sending your feedback", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();

        // The proof-of-work widget solves its challenge in the browser as the form is sent.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        var reference = await page.GetByTestId("reference").InnerTextAsync();
        Assert.Matches("^QV-[2-9A-Z]{4}-[2-9A-Z]{4}$", reference);
        await page.AssertAccessibleAsync();

        var staff = await fixture.NewPageAsync();
        await staff.GotoAsync(new Uri(fixture.Apps.BackOffice, "/inbox").ToString());
        Assert.Contains("/account/sign-in", staff.Url, StringComparison.Ordinal);
        await staff.AssertAccessibleAsync();
        await staff.GetByLabel("Email address").FillAsync(Accounts.AdministratorEmail);
        await staff.GetByLabel("Password").FillAsync(Accounts.Password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        Assert.EndsWith("/inbox", staff.Url, StringComparison.Ordinal);
        // What they said shows, with personal details hidden, once the analysis worker has read it (within seconds;
        // longer on a busy machine): until then the row says it is not analysed yet.
        var row = staff.Locator("tbody tr", new() { HasText = reference });
        await staff.ReloadUntilAsync(async () => (await row.InnerTextAsync()).Contains(said, StringComparison.Ordinal), $"{reference} was not analysed");

        await staff.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Feedback_can_be_given_with_javascript_switched_off()
    {
        // axe cannot run without JavaScript; the same pages are checked with it in the other tests.
        var page = await fixture.NewPageAsync(javaScriptEnabled: false);

        await page.GotoAsync(new Uri(fixture.Apps.Portal, "/feedback").ToString());
        await page.GetByLabel("Someone else").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Not in the list").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("What is the name of the service?").FillAsync("District nursing, Hexham");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Very good").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("What was good?").FillAsync("The nurse came on time every day");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip these questions" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();

        Assert.Matches("^QV-[2-9A-Z]{4}-[2-9A-Z]{4}$", await page.GetByTestId("reference").InnerTextAsync());
    }

    [Theory]
    [InlineData("/accessibility-statement")]
    [InlineData("/privacy")]
    [InlineData("/contact")]
    [InlineData("/track")]
    [InlineData("/speak-up/case")]
    [InlineData("/open-data")]
    [InlineData("/you-said-we-did")]
    [InlineData("/you-said-we-did/camhs-waiting-well")]
    [InlineData("/themes/patient-safety")]
    [InlineData("/themes/patient-safety?version=easy-read")]
    [InlineData("/themes/culture-and-climate")]
    [InlineData("/developers/api")]
    public async Task The_other_portal_pages_are_accessible(string path)
    {
        var page = await fixture.NewPageAsync();

        await page.VisitAsync(new Uri(fixture.Apps.Portal, path));
    }
}
