using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Storage;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.Feedback;

public sealed class FeedbackJourneyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_person_without_javascript_gives_feedback_one_question_a_page_and_gets_a_reference()
    {
        var walker = await WalkToCheckAsync(portal.CreateBrowser(), comment: "The wait was long 😊 <b>really</b>");
        Assert.Equal("Check your answers before sending your feedback", walker.Heading);
        var answers = walker.Page.QuerySelectorAll(".nhsuk-summary-list__value").Select(value => value.TextContent.Trim()).ToArray();
        Assert.Contains("I am a carer, relative or friend of the patient", answers);
        Assert.Contains("Maternity, Gateshead Health NHS Foundation Trust", answers);
        Assert.Contains("March 2026", answers);
        Assert.Contains("The wait was long 😊 <b>really</b>", answers);

        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        await walker.SendAsync();

        var reference = walker.Page.QuerySelector("[data-testid=reference]")?.TextContent.Trim();
        Assert.Matches("^QV-[2-9A-Z]{4}-[2-9A-Z]{4}$", reference);
        var stored = await portal.Services.GetRequiredService<IFeedbackStore>().FindAsync(reference!, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(FeedbackKind.Carer, stored.Kind);
        Assert.Equal("rr7-maternity", stored.ServiceId);
        Assert.Equal(FftRating.Poor, stored.FftRating);
        Assert.Equal("The wait was long 😊 <b>really</b>", stored.WhatCouldImprove);
        Assert.Equal(new YearMonth(2026, 3), stored.ExperienceMonth);
        Assert.Equal(CollectionMode.Online, stored.CollectionMode);
        Assert.True(stored.ConsentedToContact);
    }

    [Fact]
    public async Task Each_page_says_what_is_missing_in_an_error_summary_linked_to_the_field()
    {
        var walker = await new FormWalker(portal.CreateBrowser()).StartAsync("/feedback");

        await walker.ContinueAsync();

        Assert.Equal(["Select who is giving feedback"], walker.Page.ErrorSummary());
        Assert.StartsWith("Error: ", walker.Page.Title, StringComparison.Ordinal);
        Assert.NotNull(walker.Page.GetElementById(walker.Page.QuerySelector(".nhsuk-error-summary a")!.GetAttribute("href")![1..]));

        await walker.ContinueAsync(("Input.Kind", "patient"));
        await walker.ContinueAsync();
        Assert.Equal(["Select the organisation your feedback is about, or 'Not in the list'"], walker.Page.ErrorSummary());
        await walker.ContinueAsync(("Input.OrganisationId", "other"));
        Assert.Equal("What is the name of the service?", walker.Heading);
        await walker.ContinueAsync();
        Assert.Equal(["Enter the name of the service"], walker.Page.ErrorSummary());

        await walker.ContinueAsync(("Input.OtherServiceName", "Elm Tree Surgery"));
        await walker.ContinueAsync(("Input.Month", "13"), ("Input.Year", "2026"));
        Assert.Equal(["Enter the month as a number from 1 to 12, or leave both boxes empty"], walker.Page.ErrorSummary());

        await walker.ContinueAsync(("Input.Month", "12"), ("Input.Year", "2026"));
        Assert.Equal(["The month of your care must be this month or in the past"], walker.Page.ErrorSummary());

        await walker.ContinueAsync(("Input.Month", ""), ("Input.Year", ""));
        Assert.Equal("Overall, how was your experience of our service?", walker.Heading);
        await walker.ContinueAsync();
        Assert.Equal(["Select how your experience was overall"], walker.Page.ErrorSummary());

        await walker.ContinueAsync(("Input.FftRating", "good"));
        await walker.ContinueAsync(("Input.WhatWasGood", new string('x', 5001)), ("Input.WhatCouldImprove", "bell\u0007"));
        Assert.Equal(
            ["What was good must be 5,000 characters or fewer. You have used 5,001.", "What could we do better contains a hidden control character. Remove it and try again."],
            walker.Page.ErrorSummary());
        Assert.Equal(new string('x', 5001), walker.Page.QuerySelector("textarea[name='Input.WhatWasGood']")!.TextContent);

        await walker.ContinueAsync(("Input.WhatWasGood", "Quick"), ("Input.WhatCouldImprove", ""));
        await walker.ContinueAsync(("Input.ContactConsent", "yes"), ("Input.ContactEmail", "not an address"));
        Assert.Equal(["Enter an email address in the correct format, like name@example.com"], walker.Page.ErrorSummary());
    }

    [Fact]
    public async Task Back_and_change_keep_the_answers_and_return_to_check_your_answers()
    {
        var walker = await WalkToCheckAsync(portal.CreateBrowser(), comment: "First thoughts");

        await walker.PressAsync("change-Comments", "main form");
        Assert.Equal("Tell us about your experience", walker.Heading);
        Assert.Equal("First thoughts", walker.Page.QuerySelector("textarea[name='Input.WhatCouldImprove']")!.TextContent);

        await walker.ContinueAsync(("Input.WhatCouldImprove", "Second thoughts"));
        Assert.Equal("Check your answers before sending your feedback", walker.Heading);
        Assert.Contains("Second thoughts", walker.Page.QuerySelector(".nhsuk-summary-list")!.TextContent, StringComparison.Ordinal);

        await walker.PressAsync("back", "form");
        Assert.Equal("About you", walker.Heading);
    }

    [Fact]
    public async Task Equality_answers_are_stored_apart_from_the_feedback()
    {
        var walker = await WalkToCheckAsync(portal.CreateBrowser(), comment: "Equality test", ageBand: "35-44");
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        await walker.SendAsync();

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(portal.DataDirectory, "feedback.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM equality_monitoring WHERE age_band = '35-44' AND service_id = 'rr7-maternity';";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_tampered_or_expired_draft_keeps_nothing_and_says_so()
    {
        var walker = await new FormWalker(portal.CreateBrowser()).StartAsync("/feedback");
        await walker.ContinueAsync(("Input.Kind", "patient"));

        await walker.ContinueAsync(("Draft", "tampered"), ("Input.ServiceId", "rr7-maternity"));

        Assert.Equal("Your answers were not kept", walker.Heading);
    }

    [Fact]
    public async Task Sending_twice_gives_the_same_reference_and_stores_it_once()
    {
        var client = portal.CreateBrowser();
        var walker = await WalkToCheckAsync(client, comment: "Twice");
        var check = walker.Page;
        portal.Clock.Advance(TimeSpan.FromMinutes(2));

        await walker.SendAsync();
        var first = walker.Page.QuerySelector("[data-testid=reference]")!.TextContent;
        var again = await FormWalker.At(client, check).SendAsync();

        Assert.Equal(first, again.Page.QuerySelector("[data-testid=reference]")!.TextContent);
    }

    [Fact]
    public async Task Logs_never_hold_what_people_wrote()
    {
        var marker = $"secret-words-{Guid.NewGuid():N}";
        var walker = await WalkToCheckAsync(portal.CreateBrowser(), comment: marker);
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        await walker.SendAsync();

        Assert.NotEmpty(portal.Logs.Messages);
        Assert.DoesNotContain(portal.Logs.Messages, message => message.Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain(portal.Logs.Messages, message => message.Contains("pat@example.com", StringComparison.Ordinal));
    }

    internal static async Task<FormWalker> WalkToCheckAsync(HttpClient client, string comment, string? ageBand = null)
    {
        var walker = await new FormWalker(client).StartAsync("/feedback");
        await walker.ContinueAsync(("Input.Kind", "carer"));
        await walker.ContinueAsync(("Input.ServiceId", "rr7-maternity"));
        await walker.ContinueAsync(("Input.Month", "3"), ("Input.Year", "2026"));
        await walker.ContinueAsync(("Input.FftRating", "poor"));
        await walker.ContinueAsync(("Input.WhatCouldImprove", comment));
        await walker.ContinueAsync(("Input.ContactConsent", "yes"), ("Input.ContactEmail", "pat@example.com"));
        await walker.ContinueAsync(ageBand is null ? [] : [("Input.AgeBand", ageBand)]);
        return walker;
    }
}
