using Microsoft.Playwright;

namespace QualityVoice.E2E;

[Collection(BrowserCollection.Name)]
public sealed class TriageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_urgent_item_is_triaged_from_arrival_to_closed_and_a_corrected_theme_changes_the_dashboard()
    {
        var said = $"Dad was left in a soiled bed for hours and nobody came ({Guid.NewGuid():N})";
        var reference = await GiveFeedbackAsync(said);

        var staff = await fixture.NewPageAsync();
        await SignInAsync(staff, "/inbox");

        // The analysis worker flags it as urgent within seconds; it then heads the inbox on a 24-hour clock.
        var urgent = staff.Locator(".nhsuk-warning-callout tbody tr", new() { HasText = reference });
        await staff.ReloadUntilAsync(async () => await urgent.CountAsync() > 0, $"{reference} did not reach the urgent queue");

        Assert.Contains("Due in 24 hours", await urgent.InnerTextAsync(), StringComparison.Ordinal);
        await staff.AssertAccessibleAsync();
        await staff.AssertFitsTheScreenAsync();

        await urgent.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        Assert.Equal(reference, await staff.Locator("h1.qv-reference").InnerTextAsync());
        await staff.AssertAccessibleAsync();
        await staff.AssertFitsTheScreenAsync();

        // Reading it and recording the first action stops its clock.
        await staff.GetByRole(AriaRole.Radio, new() { Name = "Passed to safeguarding" }).CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "I have read it and acted" }).ClickAsync();
        Assert.Contains("Recorded that you read it", await staff.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("First action: Passed to safeguarding", await staff.Locator("[data-testid=acknowledged]").InnerTextAsync(), StringComparison.Ordinal);
        await staff.AssertAccessibleAsync();

        await staff.GetByLabel("Enhanced").CheckAsync();
        await staff.GetByLabel("Why this level").FillAsync("Possible neglect on the ward: safeguarding lead told");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Set escalation" }).ClickAsync();
        Assert.Contains("Enhanced, set by " + Accounts.AdministratorEmail, await staff.Locator("main dl").First.InnerTextAsync(), StringComparison.Ordinal);

        foreach (var status in new[] { "Triaged", "In progress", "Responded" })
        {
            await staff.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = status });
            await staff.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
            Assert.Contains($"Moved to {status}", await staff.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        }

        await staff.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = "Closed" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        Assert.Equal("There is a problem", await staff.Locator(".nhsuk-error-summary__heading").InnerTextAsync());
        await staff.AssertAccessibleAsync();
        await staff.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = "Closed" });
        await staff.GetByLabel("Why it is closed").SelectOptionAsync("Passed to safeguarding");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        Assert.Contains("Moved to Closed", await staff.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);

        // Closed, it leaves the urgent queue.
        await staff.GotoAsync(new Uri(fixture.Apps.BackOffice, "/inbox").ToString());
        Assert.Equal(0, await staff.Locator(".nhsuk-warning-callout tbody tr", new() { HasText = reference }).CountAsync());

        // A corrected theme shows on the dashboard at once.
        await staff.GotoAsync(new Uri(fixture.Apps.BackOffice, $"/inbox/{reference}").ToString());
        await staff.GetByText("Correct the themes or sentiment").ClickAsync();
        foreach (var box in await staff.Locator("input[name=Themes]:checked").AllAsync())
        {
            await box.UncheckAsync();
        }

        await staff.GetByLabel("Electronic entertainment").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Correct themes" }).ClickAsync();
        Assert.Contains("Themes corrected", await staff.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);

        await staff.GotoAsync(new Uri(fixture.Apps.BackOffice, "/dashboard?service=rtd-wards").ToString());
        var themes = staff.Locator("section", new() { Has = staff.Locator("#top-themes-heading") });
        Assert.Contains("Electronic entertainment", await themes.TextContentAsync(), StringComparison.Ordinal);
        await staff.AssertAccessibleAsync();
        await staff.AssertFitsTheScreenAsync();

        // The dashboard is read in under three screens on a desktop.
        await staff.GotoAsync(new Uri(fixture.Apps.BackOffice, "/dashboard").ToString());
        var heights = await staff.EvaluateAsync<int[]>("() => [document.documentElement.scrollHeight, window.innerHeight]");
        Assert.True(heights[0] < 3 * heights[1], $"The dashboard is {heights[0]} px tall, more than three {heights[1]} px screens.");

        // Every back office page fits a desktop and a phone without scrolling sideways.
        string[] paths = ["/", "/inbox", $"/inbox/{reference}", "/dashboard", "/exports", "/imports", "/admin/users", "/admin/api-clients", "/admin/audit", "/admin/rights", $"/admin/rights?reference={reference}", "/account", "/account/two-factor", "/inbox?status=bogus", "/guardian-appointments"];
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            await staff.SetViewportSizeAsync(width, height);
            foreach (var path in paths)
            {
                await staff.GotoAsync(new Uri(fixture.Apps.BackOffice, path).ToString());
                await staff.AssertAccessibleAsync();
                await staff.AssertFitsTheScreenAsync();
            }
        }

        await staff.SetViewportSizeAsync(1280, 900);

        // One account's page, where an administrator changes it.
        await staff.GotoAsync(new Uri(fixture.Apps.BackOffice, "/admin/users").ToString());
        await staff.Locator("main table a").First.ClickAsync();
        Assert.Contains("Authenticator app", await staff.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await staff.AssertAccessibleAsync();

        // Every step is in the audit log.
        await staff.GotoAsync(new Uri(fixture.Apps.BackOffice, $"/admin/audit?subject={reference}").ToString());
        var audit = await staff.Locator("main table").InnerTextAsync();
        Assert.Contains("Escalation set to Enhanced", audit, StringComparison.Ordinal);
        Assert.Contains("Themes corrected", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_person_reading_a_comment_the_analysis_did_not_flag_marks_it_urgent()
    {
        // The words are calm; the member of staff knows more (a second comment about the same ward, say).
        var said = $"The parking machine only took coins ({Guid.NewGuid():N})";
        var reference = await GiveFeedbackAsync(said);

        var staff = await fixture.NewPageAsync();
        await SignInAsync(staff, $"/inbox/{reference}");
        await staff.ReloadUntilAsync(async () => await staff.GetByText(said).CountAsync() > 0, $"{reference} was not analysed");

        await staff.GetByText("This needs reading today: mark it urgent").ClickAsync();
        await staff.AssertAccessibleAsync();
        await staff.AssertFitsTheScreenAsync();

        await staff.GetByRole(AriaRole.Radio, new() { Name = "Closed culture" }).CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Mark it urgent" }).ClickAsync();
        Assert.Contains("Marked urgent", await staff.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("closed culture", await staff.GetByTestId("marked-urgent").InnerTextAsync(), StringComparison.Ordinal);
        await staff.AssertAccessibleAsync();

        await staff.GotoAsync(new Uri(fixture.Apps.BackOffice, "/inbox").ToString());
        var queued = staff.Locator(".nhsuk-warning-callout tbody tr", new() { HasText = reference });
        Assert.Contains($"Marked urgent by {Accounts.AdministratorEmail}: closed culture", await queued.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Due in 24 hours", await queued.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inbox_and_dashboard_work_without_javascript()
    {
        var staff = await fixture.NewPageAsync(javaScriptEnabled: false);
        await SignInAsync(staff, "/dashboard");

        Assert.Equal("Dashboard", await staff.Locator("h1").InnerTextAsync());
        Assert.True(await staff.Locator("table").CountAsync() > 0);

        await staff.GotoAsync(new Uri(fixture.Apps.BackOffice, "/inbox").ToString());
        await staff.GetByText("Filter and search").ClickAsync();
        await staff.GetByLabel("Sentiment").SelectOptionAsync("negative");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        Assert.Contains("sentiment=negative", staff.Url, StringComparison.Ordinal);
    }

    private Task SignInAsync(IPage staff, string path) => staff.SignInAsync(fixture.Apps.BackOffice, Accounts.AdministratorEmail, path);

    private async Task<string> GiveFeedbackAsync(string said)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Apps.Portal, "/feedback").ToString());
        await page.GetByLabel("Someone else").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("The Newcastle upon Tyne Hospitals NHS Foundation Trust").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Hospital wards (inpatient care)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Very poor").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("What could we do better?").FillAsync(said);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip these questions" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        return await page.GetByTestId("reference").InnerTextAsync();
    }
}
