using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback.Storage;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.Feedback;

public sealed class FeedbackFormTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly KeyValuePair<string, string>[] ValidAnswers =
    [
        new("Input.ServiceName", "Ward 12, Freeman Hospital"),
        new("Input.FftRating", "good"),
        new("Input.WhatWasGood", "The nurses explained everything"),
        new("Input.WhatCouldImprove", "<script>alert('x')</script> the wait"),
    ];

    [Fact]
    public async Task Feedback_is_stored_and_the_person_is_given_a_reference_and_passphrase()
    {
        var client = portal.CreateBrowser();
        var form = await client.GetPageAsync("/feedback");

        using var response = await client.SubmitAsync(form, ValidAnswers);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reference = page.QuerySelector("[data-testid=reference]")?.TextContent.Trim();
        Assert.Matches("^QV-[2-9A-Z]{4}-[2-9A-Z]{4}$", reference);
        Assert.Equal(4, page.QuerySelector("[data-testid=passphrase]")!.TextContent.Trim().Split(' ').Length);

        var stored = await portal.Services.GetRequiredService<IFeedbackStore>().FindAsync(reference!, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("<script>alert('x')</script> the wait", stored.WhatCouldImprove);
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_gives_the_same_reference()
    {
        var client = portal.CreateBrowser();
        var form = await client.GetPageAsync("/feedback");

        using var first = await client.SubmitAsync(form, ValidAnswers);
        using var second = await client.SubmitAsync(form, ValidAnswers);

        Assert.Equal(
            (await first.ReadPageAsync()).QuerySelector("[data-testid=reference]")!.TextContent,
            (await second.ReadPageAsync()).QuerySelector("[data-testid=reference]")!.TextContent);
    }

    [Fact]
    public async Task Missing_answers_are_listed_in_an_error_summary_linked_to_each_field()
    {
        var client = portal.CreateBrowser();
        var form = await client.GetPageAsync("/feedback");

        using var response = await client.SubmitAsync(form, [new("Input.WhatWasGood", new string('a', 5001))]);
        var page = await response.ReadPageAsync();

        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(
            ["Select how your experience was overall", "Enter the name of the service", "What was good must be 5,000 characters or fewer. You have used 5,001."],
            page.ErrorSummary());
        foreach (var link in page.QuerySelectorAll(".nhsuk-error-summary__list a"))
        {
            Assert.NotNull(page.GetElementById(link.GetAttribute("href")![1..]));
        }

        Assert.Equal(3, page.QuerySelectorAll(".nhsuk-form-group--error .nhsuk-error-message").Length);
        Assert.Equal(new string('a', 5001), page.QuerySelector("textarea[name='Input.WhatWasGood']")!.TextContent);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var client = portal.CreateBrowser();
        using var content = new FormUrlEncodedContent(ValidAnswers);

        using var response = await client.PostAsync(new Uri("/feedback", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
