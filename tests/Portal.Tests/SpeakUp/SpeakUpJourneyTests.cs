using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.SpeakUp;

public sealed class SpeakUpJourneyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_anonymous_concern_keeps_nothing_that_identifies_anyone()
    {
        var client = portal.CreateBrowser();
        var walker = await new FormWalker(client).StartAsync("/speak-up");

        // Starts open, gives a name, then changes their mind: the name must not survive.
        await walker.ContinueAsync(("Input.Mode", "open"));
        await walker.ContinueAsync(("Input.Name", "Florence Nightingale-Unique"), ("Input.ContactDetails", "07700 900123"));
        await walker.PressAsync("back", "form");
        await walker.PressAsync("back", "form");
        await walker.ContinueAsync(("Input.Mode", "anonymous"));
        Assert.Equal("Where do you work?", walker.Heading);
        await walker.ContinueAsync(("Input.Organisation", "prefer-not-to-say"), ("Input.ProfessionalGroup", "prefer-not-to-say"));
        await walker.ContinueAsync(("Input.Categories", "patient-safety-or-quality"), ("Input.Categories", "bullying-or-harassment"));
        await walker.ContinueAsync(("Input.Detriment", "yes"));
        await walker.ContinueAsync(("Input.Concern", "Staff on nights are told not to report falls."));
        Assert.Equal("Check your answers before you speak up", walker.Heading);
        Assert.DoesNotContain("Florence", walker.Page.Body!.TextContent, StringComparison.Ordinal);

        portal.Clock.Advance(TimeSpan.FromMinutes(3));
        await walker.SendAsync();
        var reference = walker.Page.QuerySelector("[data-testid=reference]")!.TextContent.Trim();
        Assert.StartsWith("SU-", reference, StringComparison.Ordinal);
        Assert.All(walker.CookiesSet, name => Assert.Equal("qv-antiforgery", name));

        SqliteConnection.ClearAllPools();
        var everything = string.Concat(Directory.GetFiles(portal.DataDirectory, "*", SearchOption.AllDirectories)
            .Select(file => Encoding.UTF8.GetString(File.ReadAllBytes(file))));
        Assert.DoesNotContain("Florence Nightingale-Unique", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("07700 900123", everything, StringComparison.Ordinal);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(portal.DataDirectory, "speak-up.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT identity IS NULL, raised_on, categories, mode FROM speak_up_cases WHERE reference = $reference;";
        command.Parameters.AddWithValue("$reference", reference);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.GetBoolean(0));
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2}$", reader.GetString(1));
        Assert.Equal("patient-safety-or-quality,bullying-or-harassment", reader.GetString(2));
        Assert.Equal("anonymous", reader.GetString(3));
    }

    [Fact]
    public async Task A_confidential_concern_keeps_the_name_encrypted_for_the_guardian()
    {
        var walker = await new FormWalker(portal.CreateBrowser()).StartAsync("/speak-up");
        await walker.ContinueAsync(("Input.Mode", "confidential"));
        await walker.ContinueAsync(("Input.Name", "Mary Seacole-Unique"), ("Input.ContactDetails", "mary@example.nhs.uk"));
        await walker.ContinueAsync(("Input.Organisation", "rtd"), ("Input.ProfessionalGroup", "nursing-and-midwifery"));
        await walker.ContinueAsync(("Input.Categories", "worker-safety-or-wellbeing"));
        await walker.ContinueAsync(("Input.Detriment", "no"));
        await walker.ContinueAsync(("Input.Concern", "We have no working panic alarms on ward 7."));
        portal.Clock.Advance(TimeSpan.FromMinutes(3));
        await walker.SendAsync();
        var reference = walker.Page.QuerySelector("[data-testid=reference]")!.TextContent.Trim();

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(portal.DataDirectory, "speak-up.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT identity, organisation_name FROM speak_up_cases WHERE reference = $reference;";
        command.Parameters.AddWithValue("$reference", reference);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var identity = reader.GetString(0);
        Assert.DoesNotContain("Mary", identity, StringComparison.Ordinal);
        Assert.Equal("The Newcastle upon Tyne Hospitals NHS Foundation Trust", reader.GetString(1));
        var revealed = portal.Services.GetRequiredService<SpeakUpIntake>().RevealIdentity(identity);
        Assert.Equal(new SpeakUpIdentity("Mary Seacole-Unique", "mary@example.nhs.uk"), revealed);
    }

    [Fact]
    public async Task A_concern_needs_what_it_is_about_and_the_words()
    {
        var walker = await new FormWalker(portal.CreateBrowser()).StartAsync("/speak-up");
        await walker.ContinueAsync(("Input.Mode", "anonymous"));
        await walker.ContinueAsync(("Input.Organisation", "other"), ("Input.ProfessionalGroup", "students"));
        Assert.Equal(["Enter the name of the organisation"], walker.Page.ErrorSummary());
        await walker.ContinueAsync(("Input.Organisation", "other"), ("Input.OtherOrganisation", "A care home"), ("Input.ProfessionalGroup", "students"));
        await walker.ContinueAsync();
        Assert.Equal(["Select what your concern is about"], walker.Page.ErrorSummary());
        await walker.ContinueAsync(("Input.Categories", "other"));
        await walker.ContinueAsync(("Input.Detriment", "not-sure"));
        await walker.ContinueAsync(("Input.Concern", "   "));
        Assert.Equal(["Tell us about your concern"], walker.Page.ErrorSummary());
    }

    [Fact]
    public async Task The_case_opens_with_its_reference_and_passphrase()
    {
        var walker = await new FormWalker(portal.CreateBrowser()).StartAsync("/speak-up");
        await walker.ContinueAsync(("Input.Mode", "anonymous"));
        await walker.ContinueAsync(("Input.Organisation", "prefer-not-to-say"), ("Input.ProfessionalGroup", "other"));
        await walker.ContinueAsync(("Input.Categories", "other"));
        await walker.ContinueAsync(("Input.Detriment", "no"));
        await walker.ContinueAsync(("Input.Concern", "A concern to open later."));
        portal.Clock.Advance(TimeSpan.FromMinutes(3));
        await walker.SendAsync();
        var reference = walker.Page.QuerySelector("[data-testid=reference]")!.TextContent.Trim();
        var passphrase = walker.Page.QuerySelector("[data-testid=passphrase]")!.TextContent.Trim();

        var client = portal.CreateBrowser();
        var form = await client.GetPageAsync("/speak-up/case");
        using var response = await client.SubmitAsync(form, [new("Reference", reference), new("Passphrase", passphrase)]);
        var page = await response.ReadPageAsync();

        Assert.Equal($"Your concern {reference}", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Received. The guardian will read it.", page.QuerySelector("[data-testid=status]")!.TextContent.Trim());

        // Typed into /track, a speak-up reference is taken, with the passphrase, to the page that opens it.
        var track = await client.GetPageAsync("/track");
        using var tracked = await client.SubmitAsync(track, [new("Reference", reference), new("Passphrase", passphrase)]);
        Assert.Equal(System.Net.HttpStatusCode.TemporaryRedirect, tracked.StatusCode);
        Assert.Equal("/speak-up/case", tracked.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_person_reads_the_guardians_reply_and_answers_it_from_the_opened_page()
    {
        var (reference, passphrase) = await RaiseAnonymouslyAsync("A concern to talk about.");
        var store = portal.Services.GetRequiredService<ISpeakUpStore>();
        await store.AddMessageAsync(reference, new SpeakUpMessage(true, "Can you tell me which ward?", new DateOnly(2026, 11, 21)), CancellationToken.None);

        var client = portal.CreateBrowser();
        var form = await client.GetPageAsync("/speak-up/case");
        using var opened = await client.SubmitAsync(form, [new("Reference", reference), new("Passphrase", passphrase)]);
        var page = await opened.ReadPageAsync();
        Assert.Contains("Can you tell me which ward?", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using (var empty = await client.SubmitAsync(page, [new("Message", " ")], "form[action*=Reply]"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Equal(["Enter your message to the guardian"], (await empty.ReadPageAsync()).ErrorSummary());
        }

        using (var sent = await client.SubmitAsync(page, [new("Message", "Ward 7, on nights.")], "form[action*=Reply]"))
        {
            var after = await sent.ReadPageAsync();
            Assert.Contains("Your message has been sent to the guardian.", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Ward 7, on nights.", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        var messages = (await store.FindForReporterAsync(reference, CancellationToken.None))!.Value.Case.Messages;
        Assert.Equal([(true, "Can you tell me which ward?"), (false, "Ward 7, on nights.")], messages.Select(message => (message.FromGuardian, message.Body)));

        // The opened page may send for half an hour; after that, or with a forged token, it asks for the passphrase again.
        portal.Clock.Advance(TimeSpan.FromMinutes(31));
        using (var late = await client.SubmitAsync(page, [new("Message", "One more thing.")], "form[action*=Reply]"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            Assert.Contains("Enter your reference and passphrase again", string.Join(' ', (await late.ReadPageAsync()).ErrorSummary()), StringComparison.Ordinal);
        }

        using (var forged = await client.SubmitAsync(page, [new("Message", "Forged."), new("ReplyToken", "not-a-token")], "form[action*=Reply]"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Equal(2, (await store.FindForReporterAsync(reference, CancellationToken.None))!.Value.Case.Messages.Count);
    }

    private async Task<(string Reference, string Passphrase)> RaiseAnonymouslyAsync(string concern)
    {
        var result = await portal.Services.GetRequiredService<SpeakUpIntake>().RaiseAsync(
            new NewSpeakUpCase(SpeakUpMode.Anonymous, [SpeakUpCategory.Other], DetrimentAnswer.No, "other", null, concern),
            null,
            CancellationToken.None);
        var accepted = Assert.IsType<QualityVoice.Feedback.Intake.IntakeResult.Accepted>(result);
        return (accepted.Reference, accepted.Passphrase);
    }
}
