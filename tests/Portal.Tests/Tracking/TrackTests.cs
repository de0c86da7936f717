using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.Storage;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.Tracking;

public sealed class TrackTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string NoMatch = "We could not find feedback with that reference and passphrase. Check both and try again.";

    [Fact]
    public async Task The_reference_and_passphrase_show_what_happened()
    {
        var receipt = await SubmitAsync();

        var page = await TrackAsync(receipt.Reference.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), receipt.Passphrase.ToUpperInvariant());

        Assert.Equal($"Your feedback {receipt.Reference}", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Received. Our quality team will read it.", page.QuerySelector("[data-testid=status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_wrong_passphrase_reads_exactly_like_an_unknown_reference()
    {
        var receipt = await SubmitAsync();

        var wrongPassphrase = await TrackAsync(receipt.Reference, "maple otter canyon tulip");
        var unknownReference = await TrackAsync("QV-2222-2222", receipt.Passphrase);

        Assert.Equal([NoMatch], wrongPassphrase.ErrorSummary());
        Assert.Equal([NoMatch], unknownReference.ErrorSummary());
    }

    [Fact]
    public async Task Five_failures_lock_the_reference_for_fifteen_minutes_known_or_not()
    {
        var receipt = await SubmitAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await TrackAsync(receipt.Reference, "maple otter canyon tulip");
            await TrackAsync("QV-3333-3333", "maple otter canyon tulip");
        }

        var knownLocked = await TrackAsync(receipt.Reference, receipt.Passphrase);
        var unknownLocked = await TrackAsync("QV-3333-3333", receipt.Passphrase);
        Assert.StartsWith("There have been too many attempts", knownLocked.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.StartsWith("There have been too many attempts", unknownLocked.ErrorSummary().Single(), StringComparison.Ordinal);

        portal.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var unlocked = await TrackAsync(receipt.Reference, receipt.Passphrase);
        Assert.Equal($"Your feedback {receipt.Reference}", unlocked.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/track", "SU-7K3M-9XQ2", "/speak-up/case")]
    [InlineData("/track", " su-7k3m-9xq2", "/speak-up/case")]
    [InlineData("/speak-up/case", "QV-7K3M-9XQ2", "/track")]
    public async Task A_reference_of_the_other_kind_is_taken_to_its_own_page_with_what_was_typed(string page, string reference, string opensAt)
    {
        var client = portal.CreateBrowser();
        var form = await client.GetPageAsync(page);

        using var response = await client.SubmitAsync(form, [new("Reference", reference), new("Passphrase", "maple otter canyon tulip")]);

        Assert.Equal(System.Net.HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(opensAt, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Input_that_cannot_be_a_reference_or_passphrase_is_explained_and_not_counted()
    {
        var page = await TrackAsync("hello", "one two");

        Assert.Equal(
            ["Enter your reference as it was shown to you, like QV-7K3M-9XQ2", "Enter your passphrase: the 4 words you were given"],
            page.ErrorSummary());
    }

    [Fact]
    public async Task A_person_who_left_an_address_can_withdraw_consent_from_the_opened_page()
    {
        var intake = portal.Services.GetRequiredService<FeedbackIntake>();
        var receipt = Assert.IsType<IntakeResult.Accepted>(await intake.SubmitAsync(
            new NewFeedback(FeedbackKind.Patient, "other", "Ward 3", FftRating.Poor, null, "Cold food", null, CollectionMode.Online, ContactEmail: "pat@example.com"),
            null,
            CancellationToken.None));
        var client = portal.CreateBrowser();
        var form = await client.GetPageAsync("/track");
        using var opened = await client.SubmitAsync(form, [new("Reference", receipt.Reference), new("Passphrase", receipt.Passphrase)]);
        var page = await opened.ReadPageAsync();

        using (var stopped = await client.SubmitAsync(page, [], "form[action*=StopEmails]"))
        {
            var after = await stopped.ReadPageAsync();
            Assert.Contains("We have deleted your e-mail address.", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
            Assert.Null(after.QuerySelector("form[action*=StopEmails]"));
        }

        Assert.False((await portal.Services.GetRequiredService<IFeedbackStore>().FindAsync(receipt.Reference, CancellationToken.None))!.ConsentedToContact);

        // A forged or stale token asks for the passphrase again.
        using var forged = await client.SubmitAsync(page, [new("StopToken", "forged")], "form[action*=StopEmails]");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> TrackAsync(string reference, string passphrase)
    {
        var client = portal.CreateBrowser();
        var form = await client.GetPageAsync("/track");
        using var response = await client.SubmitAsync(form, [new("Reference", reference), new("Passphrase", passphrase)]);
        return await response.ReadPageAsync();
    }

    private async Task<IntakeResult.Accepted> SubmitAsync()
    {
        var intake = portal.Services.GetRequiredService<FeedbackIntake>();
        var result = await intake.SubmitAsync(
            new NewFeedback(FeedbackKind.Patient, "other", "Ward 3", FftRating.Good, "Kind", null, null, CollectionMode.Online),
            null,
            CancellationToken.None);
        return Assert.IsType<IntakeResult.Accepted>(result);
    }
}
