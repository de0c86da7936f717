using Microsoft.Playwright;

namespace QualityVoice.E2E;

[Collection(BrowserCollection.Name)]
public sealed class SpeakUpTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_member_of_staff_speaks_up_anonymously_and_opens_the_case_with_its_passphrase()
    {
        var page = await fixture.NewPageAsync();

        await page.VisitAsync(new Uri(fixture.Apps.Portal, "/speak-up/start"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await page.AssertAccessibleAsync();
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

        // A guardian (and nobody else) reads it and replies.
        var admin = await fixture.NewPageAsync();
        await admin.SignInAsync(fixture.Apps.BackOffice, Accounts.AdministratorEmail, "/admin/users");
        await admin.AddAccountAsync("guardian@e2e.example.nhs.uk", "Freedom to Speak Up guardian");
        Assert.Contains("when another guardian or administrator approves it", await admin.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await admin.AddAccountAsync("appointer@e2e.example.nhs.uk", "Administrator");
        await admin.GotoAsync(new Uri(fixture.Apps.BackOffice, "/speak-up").ToString());
        Assert.Contains("do not have permission", await admin.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        // A second administrator, not the one who asked, approves the guardian.
        var appointer = await fixture.NewPageAsync();
        await appointer.SignInAsync(fixture.Apps.BackOffice, "appointer@e2e.example.nhs.uk", "/guardian-appointments");
        await appointer.AssertAccessibleAsync();
        await appointer.GetByRole(AriaRole.Button, new() { Name = "Approve guardian@e2e.example.nhs.uk as Freedom to Speak Up guardian" }).ClickAsync();
        Assert.Contains("Approved the role Freedom to Speak Up guardian", await appointer.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);

        var guardian = await fixture.NewPageAsync();
        await guardian.SignInAsync(fixture.Apps.BackOffice, "guardian@e2e.example.nhs.uk", "/");
        await Assertions.Expect(guardian.GetByTestId("to-do-speak-up")).ToContainTextAsync("waiting for a guardian's answer");
        await guardian.AssertAccessibleAsync();
        await guardian.AssertFitsTheScreenAsync();
        await guardian.GetByTestId("to-do-speak-up").GetByRole(AriaRole.Link).ClickAsync();
        await guardian.AssertAccessibleAsync();
        await guardian.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        Assert.Equal("Night staff are told not to report falls on the ward.", await guardian.GetByTestId("concern").InnerTextAsync());
        await guardian.AssertAccessibleAsync();
        await guardian.GetByLabel("Reply").FillAsync("Thank you for speaking up. Which ward is it?");
        await guardian.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        Assert.Contains("Reply sent", await guardian.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);

        // The guardian's pages fit a phone as well as a desktop.
        await guardian.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/", "/speak-up", $"/speak-up/{reference}", "/speak-up/data-return", "/speak-up/insights-pack" })
        {
            await guardian.GotoAsync(new Uri(fixture.Apps.BackOffice, path).ToString());
            await guardian.AssertAccessibleAsync();
            await guardian.AssertFitsTheScreenAsync();
        }

        await guardian.SetViewportSizeAsync(1280, 900);

        // The guardian decides which counts the quality team's weekly insights pack shows.
        await guardian.GotoAsync(new Uri(fixture.Apps.BackOffice, "/speak-up/insights-pack").ToString());
        await guardian.AssertAccessibleAsync();
        await guardian.GetByLabel("Cases raised", new() { Exact = true }).CheckAsync();
        await guardian.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Contains("now shows: cases raised", await guardian.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await guardian.AssertAccessibleAsync();
        await guardian.GotoAsync(new Uri(fixture.Apps.BackOffice, $"/speak-up/{reference}").ToString());

        // The person reads the reply with their reference and passphrase, and answers.
        await page.GotoAsync(new Uri(fixture.Apps.Portal, "/speak-up/case").ToString());
        await page.GetByLabel("Reference").FillAsync(reference);
        await page.GetByLabel("Passphrase").FillAsync(passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open my concern" }).ClickAsync();
        Assert.Contains("Which ward is it?", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Write to the guardian").FillAsync("Ward 7, on nights.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        Assert.Contains("Your message has been sent", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();

        await guardian.ReloadAsync();
        Assert.Contains("Ward 7, on nights.", await guardian.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await guardian.VisitAsync(new Uri(fixture.Apps.BackOffice, "/speak-up/data-return"));

        // Only guardians read who opened and answered cases.
        await guardian.GotoAsync(new Uri(fixture.Apps.BackOffice, "/speak-up/audit").ToString());
        Assert.Contains(reference, await guardian.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
        await guardian.AssertAccessibleAsync();
    }
}
