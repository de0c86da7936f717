using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.Triage;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.Tracking;

/// <summary>A patient who reads the team's reply on /track answers it; staff see the conversation, redacted.</summary>
public sealed class TrackConversationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_person_answers_the_reply_and_the_item_comes_back_to_the_team_with_personal_details_hidden()
    {
        var receipt = await SubmitAsync();
        var client = portal.CreateBrowser();

        // Before anyone replies, there is nothing to answer.
        var before = await TrackAsync(client, receipt);
        Assert.Null(before.QuerySelector("form[action*=Answer]"));

        var triage = portal.Services.GetRequiredService<ITriageStore>();
        Assert.True(await triage.PublishReplyAsync(receipt.Reference, "Thank you. Which day was it?", "quality@example.nhs.uk", portal.Clock.GetUtcNow(), CancellationToken.None));

        var opened = await TrackAsync(client, receipt);
        Assert.Contains("Thank you. Which day was it?", opened.QuerySelector("[data-testid=conversation]")!.TextContent, StringComparison.Ordinal);
        using (var forged = await client.SubmitAsync(opened, [new("Answer", "Hello"), new("AnswerToken", "forged")], "form[action*=Answer]"))
        {
            await forged.ShouldBeAsync(HttpStatusCode.BadRequest);
            Assert.StartsWith("This page has been open too long", Assert.Single((await forged.ReadPageAsync()).ErrorSummary()), StringComparison.Ordinal);
        }

        using (var empty = await client.SubmitAsync(opened, [new("Answer", "  ")], "form[action*=Answer]"))
        {
            await empty.ShouldBeAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["Enter your answer"], (await empty.ReadPageAsync()).ErrorSummary());
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        using var sent = await client.SubmitAsync(opened, [new("Answer", "It was Tuesday. Call me on 07700 900123 if you need to.")], "form[action*=Answer]");
        await sent.ShouldBeAsync(HttpStatusCode.OK);
        var page = await sent.ReadPageAsync();
        Assert.Contains("Your answer has been sent", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var mine = page.QuerySelectorAll("[data-testid=conversation] li").Last().TextContent;
        Assert.Contains("You wrote", mine, StringComparison.Ordinal);
        Assert.Contains("07700 900123", mine, StringComparison.Ordinal);

        var item = (await triage.GetAsync(receipt.Reference, CancellationToken.None))!;
        Assert.Equal(TriageStatus.InProgress, item.Item.Status);
        var answer = item.Conversation!.Last();
        Assert.True(answer.FromPerson);
        Assert.DoesNotContain("07700 900123", answer.Redacted, StringComparison.Ordinal);
        Assert.Contains(item.History, entry => entry.Kind == "answer");
        Assert.DoesNotContain(item.History, entry => entry.Detail.Contains("Tuesday", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_that_shows_a_life_at_risk_makes_the_item_urgent_again_and_shows_where_to_get_help_now()
    {
        var receipt = await SubmitAsync();
        var triage = portal.Services.GetRequiredService<ITriageStore>();
        Assert.True(await triage.PublishReplyAsync(receipt.Reference, "Thank you for telling us.", "quality@example.nhs.uk", portal.Clock.GetUtcNow(), CancellationToken.None));
        var client = portal.CreateBrowser();

        using var sent = await client.SubmitAsync(await TrackAsync(client, receipt), [new("Answer", "Nothing has changed and I want to end my life")], "form[action*=Answer]");

        await sent.ShouldBeAsync(HttpStatusCode.OK);
        Assert.NotNull((await sent.ReadPageAsync()).QuerySelector("[data-testid=urgent-help]"));
        var item = (await triage.GetAsync(receipt.Reference, CancellationToken.None))!;
        Assert.True(item.IsUrgent);
        Assert.Equal(portal.Clock.GetUtcNow(), item.UrgentAnswerAt);
        Assert.Null(item.Acknowledged);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> TrackAsync(HttpClient client, IntakeResult.Accepted receipt)
    {
        var form = await client.GetPageAsync("/track");
        using var response = await client.SubmitAsync(form, [new("Reference", receipt.Reference), new("Passphrase", receipt.Passphrase)]);
        return await response.ReadPageAsync();
    }

    private async Task<IntakeResult.Accepted> SubmitAsync()
    {
        var result = await portal.Services.GetRequiredService<FeedbackIntake>().SubmitAsync(
            new NewFeedback(FeedbackKind.Patient, "other", "Ward 3", FftRating.Poor, null, "Nobody told us when visiting was", null, CollectionMode.Online),
            null,
            CancellationToken.None);
        return Assert.IsType<IntakeResult.Accepted>(result);
    }
}
