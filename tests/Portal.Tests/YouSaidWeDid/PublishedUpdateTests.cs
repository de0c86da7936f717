using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.Triage;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.YouSaidWeDid;

/// <summary>
/// An update published from the back office appears beside the content pack's: in the list (with the service
/// filter), on its page with "N people told us" from the feedback linked to it, in the feed, on its theme's page
/// and the home page, and on /track for the people whose feedback it answers.
/// </summary>
public sealed class PublishedUpdateTests : IAsyncLifetime
{
    private const string Slug = "shorter-waits-in-a-and-e";

    private readonly PortalFactory _portal = new();
    private IntakeResult.Accepted _answered = null!;
    private IntakeResult.Accepted _other = null!;

    public async Task InitializeAsync()
    {
        var services = _portal.Services;
        var intake = services.GetRequiredService<FeedbackIntake>();
        var triage = services.GetRequiredService<ITriageStore>();
        var updates = services.GetRequiredService<IUpdateStore>();
        var pack = services.GetRequiredService<ContentPack>();
        // A day after the pack's own update was published, so this one is the newest.
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var now = _portal.Clock.GetUtcNow();

        async Task<IntakeResult.Accepted> SubmitAsync(string text, params string[] themes)
        {
            var accepted = Assert.IsType<IntakeResult.Accepted>(await intake.SubmitAsync(
                new NewFeedback(FeedbackKind.Patient, "rtd-ae", "Accident and emergency", FftRating.Poor, null, text, null, CollectionMode.Online),
                null,
                CancellationToken.None));
            await triage.CorrectThemesAsync(accepted.Reference, themes, "quality@example.nhs.uk", now, CancellationToken.None);
            return accepted;
        }

        _answered = await SubmitAsync("Six hours in A&E and nobody told me why", "Timeliness of care", "Communication");
        var second = await SubmitAsync("The wait was far too long", "Timeliness of care");
        _other = await SubmitAsync("Lovely nurses");

        var theme = pack.FindTheme("positive-experiences")!;
        var slug = await updates.CreateAsync(
            Slug,
            _ => false,
            new UpdateContent(
                "Shorter waits in A&E",
                theme.Slug,
                "rtd-ae",
                "in-progress",
                "You told us you waited a long time in A&E without knowing why.",
                "We now give **waiting time updates** every hour.",
                [new UpdateMilestone("Hourly updates start", "done", new DateOnly(2026, 11, 1))],
                [],
                [theme.Sections.IStatementList[0]]),
            "engagement@example.nhs.uk",
            now,
            CancellationToken.None);
        await updates.LinkFeedbackAsync(slug, [_answered.Reference, second.Reference], "engagement@example.nhs.uk", now, CancellationToken.None);
        await updates.SubmitForReviewAsync(slug, 1, "engagement@example.nhs.uk", now, CancellationToken.None);
        Assert.Equal(UpdateChangeOutcome.Done, await updates.ApproveAsync(slug, 1, now, "quality@example.nhs.uk", now, CancellationToken.None));
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_list_shows_it_beside_the_strategys_own_and_filters_it_by_service()
    {
        var client = _portal.CreateClient();

        var all = await client.GetPageAsync("/you-said-we-did");
        Assert.Equal(2, all.QuerySelectorAll("main .nhsuk-card").Length);
        var card = all.QuerySelectorAll("main .nhsuk-card").First(card => card.TextContent.Contains("Shorter waits in A&E", StringComparison.Ordinal));
        Assert.Contains("Fewer than 5 people told us about this.", card.TextContent, StringComparison.Ordinal);

        var byService = await client.GetPageAsync("/you-said-we-did?service=rtd-ae");
        Assert.Equal($"/you-said-we-did/{Slug}", Assert.Single(byService.QuerySelectorAll("main .nhsuk-card")).QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Its_page_says_how_many_people_told_us_and_about_what()
    {
        var page = await _portal.CreateClient().GetPageAsync($"/you-said-we-did/{Slug}");

        var toldUs = page.QuerySelector("[data-testid=told-us]")!;
        // Two and one could point to a person: the page says so as open data does.
        Assert.Contains("Fewer than 5 people told us about this.", toldUs.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("2 people", toldUs.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["Fewer than 5 people told us about timeliness of care", "Fewer than 5 people told us about communication"],
            toldUs.QuerySelectorAll("li").Select(item => item.TextContent.Trim()));
        var main = page.QuerySelector("main")!;
        Assert.Equal("waiting time updates", main.QuerySelector("strong:not(.nhsuk-tag)")!.TextContent);
        Assert.Contains("Accident and emergency", main.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hourly updates start", main.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracking_shows_it_to_the_people_whose_feedback_it_answers_only()
    {
        var answered = await TrackAsync(_answered);
        var link = answered.QuerySelector("[data-testid=updates] a")!;
        Assert.Equal(("Shorter waits in A&E", $"/you-said-we-did/{Slug}"), (link.TextContent, link.GetAttribute("href")));

        Assert.Null((await TrackAsync(_other)).QuerySelector("[data-testid=updates]"));
    }

    [Fact]
    public async Task The_feed_the_theme_page_and_the_home_page_carry_it()
    {
        var client = _portal.CreateClient();
        using var feed = await client.GetAsync(new Uri("/you-said-we-did/feed.atom", UriKind.Relative));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = XDocument.Parse(await feed.Content.ReadAsStringAsync()).Root!.Elements(atom + "entry").ToArray();
        Assert.Equal("Shorter waits in A&E", entries[0].Element(atom + "title")!.Value);
        Assert.Equal(2, entries.Length);

        var theme = await client.GetPageAsync("/themes/positive-experiences");
        Assert.Contains(theme.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/you-said-we-did/{Slug}");

        var home = await client.GetPageAsync("/");
        Assert.Contains(home.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/you-said-we-did/{Slug}");
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> TrackAsync(IntakeResult.Accepted receipt)
    {
        var client = _portal.CreateBrowser();
        var form = await client.GetPageAsync("/track");
        using var response = await client.SubmitAsync(form, [new("Reference", receipt.Reference), new("Passphrase", receipt.Passphrase)]);
        return await response.ReadPageAsync();
    }
}
