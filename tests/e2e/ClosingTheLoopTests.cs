using Microsoft.Playwright;

namespace QualityVoice.E2E;

/// <summary>
/// "I know how it was acted on": a patient's feedback is triaged, linked to a draft update, approved by a second
/// member of staff and published; the patient's /track shows it and the e-mail they asked for arrives. It runs on
/// each feedback store.
/// </summary>
public abstract class ClosingTheLoopJourney(BrowserFixture fixture)
{
    /// <summary>The running apps and browser.</summary>
    protected BrowserFixture Fixture => fixture;

    private const string EngagementEmail = "engagement@e2e.example.nhs.uk";
    private const string QualityEmail = "quality@e2e.example.nhs.uk";

    [Fact]
    public async Task Feedback_is_linked_to_an_update_approved_by_a_second_person_and_the_patient_is_told()
    {
        var patientEmail = $"patient-{Guid.NewGuid():N}@example.org";
        var (reference, passphrase) = await GiveFeedbackAsync("The wait in A&E was six hours and nobody told us why", patientEmail);

        // An administrator gives the engagement and quality teams their accounts.
        var admin = await fixture.NewPageAsync();
        await SignInAsync(admin, Accounts.AdministratorEmail, "/admin/users");
        await admin.AddAccountAsync(EngagementEmail, "Engagement team");
        await admin.AddAccountAsync(QualityEmail, "Quality team");

        // The quality team triages it.
        var quality = await fixture.NewPageAsync();
        await SignInAsync(quality, QualityEmail, $"/inbox/{reference}");
        await quality.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = "Triaged" });
        await quality.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        Assert.Contains("Moved to Triaged", await quality.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await quality.GotoAsync(new Uri(fixture.Apps.BackOffice, "/").ToString());
        Assert.Equal("Your to-do list", await quality.Locator("h1").InnerTextAsync());
        await quality.AssertAccessibleAsync();
        await quality.AssertFitsTheScreenAsync();

        // The engagement team writes a draft in the Markdown editor, previews it through the server, and saves it.
        var engagement = await fixture.NewPageAsync();
        await SignInAsync(engagement, EngagementEmail, "/updates");
        await engagement.AssertAccessibleAsync();
        await engagement.GetByRole(AriaRole.Link, new() { Name = "Write an update" }).ClickAsync();
        // A number, not random letters and digits: "A&E 4ab2c9" can read as a postcode, which publishing refuses.
        var title = $"Hourly updates while you wait in A&E, number {System.Security.Cryptography.RandomNumberGenerator.GetInt32(100_000, 1_000_000)}";
        await engagement.GetByLabel("Title").FillAsync(title);
        await engagement.GetByLabel("Strategic theme").SelectOptionAsync("positive-experiences");
        await engagement.GetByLabel("Service (optional)").SelectOptionAsync("rtd-ae");
        await engagement.GetByRole(AriaRole.Radio, new() { Name = "In progress" }).CheckAsync();
        await engagement.GetByLabel("You said").FillAsync("You told us you waited a long time in A&E without knowing why.");
        await engagement.Locator(".EasyMDEContainer .CodeMirror").ClickAsync();
        await engagement.Keyboard.TypeAsync("We now give **waiting time updates** every hour.");
        await engagement.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
        await Assertions.Expect(engagement.Locator(".editor-preview strong")).ToHaveTextAsync("waiting time updates");
        await engagement.GetByLabel("What the step is").First.FillAsync("Hourly updates start in A&E");
        await engagement.GetByLabel("How far it has got").First.SelectOptionAsync("done");
        await engagement.AssertAccessibleAsync();
        await engagement.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        Assert.Contains("Draft saved", await engagement.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        var slug = new Uri(engagement.Url).AbsolutePath["/updates/".Length..];
        await engagement.AssertAccessibleAsync();

        // The publishing pages fit a phone as well as a desktop.
        await engagement.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/updates", $"/updates/{slug}", $"/updates/{slug}/edit", $"/updates/{slug}/history" })
        {
            await engagement.GotoAsync(new Uri(fixture.Apps.BackOffice, path).ToString());
            await engagement.AssertFitsTheScreenAsync();
        }

        await engagement.SetViewportSizeAsync(1280, 900);
        await engagement.GotoAsync(new Uri(fixture.Apps.BackOffice, $"/updates/{slug}").ToString());

        // From the inbox: select the patient's feedback and add it to the draft.
        await engagement.GotoAsync(new Uri(fixture.Apps.BackOffice, "/inbox").ToString());
        await engagement.GetByLabel($"Select {reference}").CheckAsync();
        await engagement.GetByLabel("Add them to a ‘you said, we did’ update").SelectOptionAsync(slug);
        await engagement.GetByRole(AriaRole.Button, new() { Name = "Add to update" }).ClickAsync();
        Assert.Contains("1 item added to the update", await engagement.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);

        await engagement.GotoAsync(new Uri(fixture.Apps.BackOffice, $"/updates/{slug}").ToString());
        Assert.Contains(reference, await engagement.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
        await engagement.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        Assert.Contains("must approve it", await engagement.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await engagement.GetByRole(AriaRole.Button, new() { Name = "Approve" }).CountAsync());

        // A second person approves it, and it is published at once.
        await quality.GotoAsync(new Uri(fixture.Apps.BackOffice, "/updates").ToString());
        Assert.Contains("1 update is waiting for review", await quality.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await quality.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await quality.AssertAccessibleAsync();
        await quality.GetByLabel("Publish now").CheckAsync();
        await quality.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        Assert.Contains("Approved and published", await quality.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await quality.GetByRole(AriaRole.Link, new() { Name = "history and changes" }).ClickAsync();
        Assert.Contains($"Linked 1 feedback item", await quality.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
        await quality.AssertAccessibleAsync();

        // On the portal: the update, with how many people told us; and the patient's /track shows it.
        var patient = await fixture.NewPageAsync();
        await patient.VisitAsync(new Uri(fixture.Apps.Portal, $"/you-said-we-did/{slug}"));
        Assert.Contains("Fewer than 5 people told us about this.", await patient.GetByTestId("told-us").InnerTextAsync(), StringComparison.Ordinal);
        await patient.GotoAsync(new Uri(fixture.Apps.Portal, "/track").ToString());
        await patient.GetByLabel("Reference").FillAsync(reference);
        await patient.GetByLabel("Passphrase").FillAsync(passphrase);
        await patient.GetByRole(AriaRole.Button, new() { Name = "Show my feedback" }).ClickAsync();
        Assert.Equal(title, await patient.GetByTestId("updates").GetByRole(AriaRole.Link).InnerTextAsync());
        await patient.AssertAccessibleAsync();

        // The quality team replies, and the patient answers on /track: a conversation, anonymous as the feedback was.
        await quality.GotoAsync(new Uri(fixture.Apps.BackOffice, $"/inbox/{reference}").ToString());
        await quality.GetByLabel("Reply", new() { Exact = true }).FillAsync("Thank you for telling us. Which day did you come in?");
        await quality.GetByRole(AriaRole.Button, new() { Name = "Publish reply" }).ClickAsync();
        Assert.Contains("Reply published", await quality.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await patient.GotoAsync(new Uri(fixture.Apps.Portal, "/track").ToString());
        await patient.GetByLabel("Reference").FillAsync(reference);
        await patient.GetByLabel("Passphrase").FillAsync(passphrase);
        await patient.GetByRole(AriaRole.Button, new() { Name = "Show my feedback" }).ClickAsync();
        Assert.Contains("Which day did you come in?", await patient.GetByTestId("conversation").InnerTextAsync(), StringComparison.Ordinal);
        await patient.GetByLabel("Answer our reply").FillAsync("It was a Tuesday evening.");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        Assert.Contains("Your answer has been sent", await patient.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await patient.AssertAccessibleAsync();
        await quality.ReloadAsync();
        Assert.Contains("It was a Tuesday evening.", await quality.GetByTestId("conversation").InnerTextAsync(), StringComparison.Ordinal);
        await quality.AssertAccessibleAsync();

        // And the e-mails they asked for arrived: one about the update, one saying there is a reply (never the reply).
        var email = await WaitForEmailAsync(patientEmail, $"What we did about your feedback: {title}");
        Assert.Contains(new Uri(fixture.Apps.Portal, $"/you-said-we-did/{slug}").ToString(), email.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("six hours", email.GetProperty("text").GetString(), StringComparison.Ordinal);
        var replied = await WaitForEmailAsync(patientEmail, "We have replied to your feedback");
        Assert.Contains(reference, replied.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Which day did you come in?", replied.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    private async Task<System.Text.Json.JsonElement> WaitForEmailAsync(string to, string subject)
    {
        for (var tries = 0; ; tries++)
        {
            var found = (await fixture.Mail.EmailsAsync())
                .Where(email => email.GetProperty("to").EnumerateArray().Any(address => address.GetProperty("address").GetString() == to)
                    && email.GetProperty("subject").GetString() == subject)
                .ToArray();
            if (found.Length > 0)
            {
                return Assert.Single(found);
            }

            Assert.True(tries < 60, $"No e-mail '{subject}' reached {to}");
            await Task.Delay(500);
        }
    }

    /// <summary>Signs a member of staff in at a back-office page.</summary>
    protected Task SignInAsync(IPage staff, string email, string path) => staff.SignInAsync(fixture.Apps.BackOffice, email, path);

    private async Task<(string Reference, string Passphrase)> GiveFeedbackAsync(string said, string email)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Apps.Portal, "/feedback").ToString());
        await page.GetByLabel("I am the patient").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("The Newcastle upon Tyne Hospitals NHS Foundation Trust").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Accident and emergency").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Poor", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("What could we do better?").FillAsync(said);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Yes, you may contact me about this feedback").CheckAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip these questions" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        return (await page.GetByTestId("reference").InnerTextAsync(), await page.GetByTestId("passphrase").InnerTextAsync());
    }
}

/// <summary>The journey on the embedded SQLite store, and writing an update without JavaScript.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClosingTheLoopTests(BrowserFixture fixture) : ClosingTheLoopJourney(fixture)
{
    [Fact]
    public async Task An_update_is_written_and_previewed_without_javascript()
    {
        var admin = await Fixture.NewPageAsync();
        await SignInAsync(admin, Accounts.AdministratorEmail, "/admin/users");
        var email = $"writer-{Guid.NewGuid().ToString("N")[..8]}@e2e.example.nhs.uk";
        await admin.AddAccountAsync(email, "Engagement team");

        var writer = await Fixture.NewPageAsync(javaScriptEnabled: false);
        await SignInAsync(writer, email, "/updates/new");
        await writer.GetByLabel("Title").FillAsync("Clearer letters");
        await writer.GetByLabel("Strategic theme").SelectOptionAsync("positive-experiences");
        await writer.GetByRole(AriaRole.Radio, new() { Name = "Planned" }).CheckAsync();
        await writer.GetByLabel("You said").FillAsync("Letters were hard to understand.");
        await writer.GetByLabel("We did").FillAsync("We are rewriting them with **patients**.");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Preview what we did" }).ClickAsync();
        Assert.Equal("patients", await writer.Locator("#preview strong").InnerTextAsync());
        await writer.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        Assert.Contains("Draft saved", await writer.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
    }
}

/// <summary>The journey with the feedback store on Cosmos DB.</summary>
[Collection(CosmosBrowserCollection.Name)]
public sealed class ClosingTheLoopOnCosmosTests(CosmosBrowserFixture fixture) : ClosingTheLoopJourney(fixture);
