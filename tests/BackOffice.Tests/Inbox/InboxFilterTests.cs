using System.Net;
using AngleSharp.Html.Dom;
using QualityVoice.Analysis;
using QualityVoice.Feedback;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Inbox;

/// <summary>A back office with a small inbox whose every item differs from the others in a known way.</summary>
public sealed class InboxDataset : BackOfficeFactory, IAsyncLifetime
{
    public const string Owner = "owner@example.nhs.uk";

    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Dictionary<string, string> References { get; } = [];

    public async Task InitializeAsync()
    {
        (string Name, Sample Sample)[] samples =
        [
            ("urgent", new Sample("The nurse said she would hurt herself and nobody came") { Urgent = true, Themes = ["Staff responsiveness"] }),
            ("maternity", new Sample("The midwives were wonderful and kind") { ServiceId = "rtd-maternity", Fft = FftRating.VeryGood, Sentiment = Sentiment.Positive, Themes = ["Staff manner & personal attributes"], Status = TriageStatus.Triaged, AssignedTo = Owner, Kind = FeedbackKind.Carer }),
            ("parking", new Sample("Parking at the hospital costs too much") { ServiceId = "rtf-ae", Fft = FftRating.Neither, Sentiment = Sentiment.Neutral, Themes = ["Parking"], Status = TriageStatus.InProgress, Kind = FeedbackKind.Other, NeedsReview = true }),
            ("old", new Sample("The ward was dirty and the bins overflowing") { ServiceId = "rtd-wards", Fft = FftRating.VeryPoor, Themes = ["Cleanliness, tidiness & infection control"], Status = TriageStatus.Closed, At = Now.AddMonths(-3) }),
            ("paper", new Sample("Waited four hours to be seen in the department") { Fft = FftRating.DontKnow, Mode = CollectionMode.Paper, Status = TriageStatus.Responded }),
        ];
        var references = await this.ImportAsync(samples.Select(sample => sample.Sample).ToArray());
        for (var i = 0; i < samples.Length; i++)
        {
            References[samples[i].Name] = references[i];
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class InboxFilterTests(InboxDataset inbox) : IClassFixture<InboxDataset>
{
    [Theory]
    [InlineData("", "urgent maternity parking old paper")]
    [InlineData("status=new", "urgent")]
    [InlineData("status=triaged", "maternity")]
    [InlineData("status=in-progress", "parking")]
    [InlineData("status=responded", "paper")]
    [InlineData("status=closed", "old")]
    [InlineData("sentiment=positive", "maternity")]
    [InlineData("sentiment=neutral", "parking")]
    [InlineData("sentiment=negative", "urgent old paper")]
    [InlineData("theme=Parking", "parking")]
    [InlineData("theme=Timeliness+of+care", "paper")]
    [InlineData("strategicTheme=patient-safety", "old paper")]
    [InlineData("service=rtd-maternity", "maternity")]
    [InlineData("service=rtd-ae", "urgent paper")]
    [InlineData("kind=carer", "maternity")]
    [InlineData("kind=other", "parking")]
    [InlineData("fft=very-good", "maternity")]
    [InlineData("fft=dont-know", "paper")]
    [InlineData("urgent=yes", "urgent")]
    [InlineData("urgent=no", "maternity parking old paper")]
    [InlineData("review=yes", "parking")]
    [InlineData("assignedTo=owner%40example.nhs.uk", "maternity")]
    [InlineData("assignedTo=nobody", "urgent parking old paper")]
    [InlineData("q=parking", "parking")]
    [InlineData("q=bins", "old")]
    [InlineData("q=wait", "paper")]
    [InlineData("sentiment=negative&service=rtd-ae&urgent=no", "paper")]
    [InlineData("sentiment=positive&status=new", "")]
    public async Task Each_filter_narrows_the_list_to_what_it_names(string query, string expected)
    {
        var browser = await inbox.SignInAsync(StaffRoles.QualityTeam);

        var page = await browser.GetPageAsync("/inbox?" + query);

        Assert.Equal(Names(expected), Listed(page));
    }

    [Fact]
    public async Task From_and_to_bound_the_arrival_date()
    {
        var browser = await inbox.SignInAsync(StaffRoles.QualityTeam);
        var monthStart = new DateOnly(TimeProvider.System.GetUtcNow().Year, TimeProvider.System.GetUtcNow().Month, 1);

        var recent = await browser.GetPageAsync($"/inbox?from={monthStart.AddMonths(-1):yyyy-MM-dd}");
        var older = await browser.GetPageAsync($"/inbox?to={monthStart.AddMonths(-2):yyyy-MM-dd}");

        Assert.DoesNotContain(inbox.References["old"], Listed(recent));
        Assert.Equal([inbox.References["old"]], Listed(older));
    }

    [Fact]
    public async Task Owner_me_means_the_person_signed_in()
    {
        var browser = await inbox.SignInAsync(StaffRoles.QualityTeam, InboxDataset.Owner);

        var page = await browser.GetPageAsync("/inbox?assignedTo=me");

        Assert.Equal(Names("maternity"), Listed(page));
    }

    [Fact]
    public async Task Each_filter_value_shows_how_many_items_it_would_find()
    {
        var browser = await inbox.SignInAsync(StaffRoles.QualityTeam);

        var page = await browser.GetPageAsync("/inbox?service=rtd-ae");

        Assert.Equal("Negative (2)", page.QuerySelector("#sentiment option[value=negative]")!.TextContent.Trim());
        Assert.Equal("Positive (0)", page.QuerySelector("#sentiment option[value=positive]")!.TextContent.Trim());
        Assert.Equal("Urgent only (1)", page.QuerySelector("#urgent option[value=yes]")!.TextContent.Trim());
        Assert.Equal("Don't know (1)", page.QuerySelector("#fft option[value=dont-know]")!.TextContent.Trim());
        Assert.Contains("2", page.QuerySelector("main p.nhsuk-body strong")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status=lost", "status", "status")]
    [InlineData("sentiment=angry", "sentiment", "sentiment")]
    [InlineData("theme=Queues", "theme", "'Queues' is not one of the framework's sub-categories")]
    [InlineData("strategicTheme=speed", "strategicTheme", "'speed' is not one of")]
    [InlineData("service=nowhere", "service", "'nowhere' is not one of the content pack's services")]
    [InlineData("kind=robot", "kind", "kind")]
    [InlineData("fft=10", "fft", "Friends and Family Test")]
    [InlineData("urgent=maybe", "urgent", "Urgent must be yes or no")]
    [InlineData("from=yesterday", "from", "start date")]
    [InlineData("to=9999-12-31", "to", "between 2000 and 2099")]
    [InlineData("from=2026-05-01&to=2026-04-01", "to", "")]
    [InlineData("after=%00%FF", "after", "")]
    public async Task A_value_the_inbox_does_not_know_is_a_400_that_names_it(string query, string field, string message)
    {
        var browser = await inbox.SignInAsync(StaffRoles.QualityTeam);

        using var response = await browser.GetAsync(new Uri("/inbox?" + query, UriKind.Relative));

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        var page = await response.ReadPageAsync();
        var links = page.QuerySelectorAll(".nhsuk-error-summary a").Select(a => (Target: a.GetAttribute("href"), Text: a.TextContent)).ToArray();
        Assert.True(
            links.Any(link => link.Target == "#" + field && link.Text.Contains(message, StringComparison.OrdinalIgnoreCase)),
            string.Join(" | ", links.Select(link => $"{link.Target}: {link.Text}")));
    }

    [Fact]
    public async Task Free_text_that_is_not_a_search_expression_is_searched_for_as_words()
    {
        var browser = await inbox.SignInAsync(StaffRoles.QualityTeam);

        foreach (var q in new[] { "\"", "NEAR(", "*", "a OR", "-", "bins\"; DROP TABLE feedback_items; --" })
        {
            using var response = await browser.GetAsync(new Uri("/inbox?q=" + Uri.EscapeDataString(q), UriKind.Relative));
            await response.ShouldBeAsync(HttpStatusCode.OK);
        }
    }

    private static string[] Listed(IHtmlDocument page) =>
        page.QuerySelectorAll("input[name=selected]").Select(input => input.GetAttribute("value")!).Order(StringComparer.Ordinal).ToArray();

    private string[] Names(string names) =>
        names.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(name => inbox.References[name]).Order(StringComparer.Ordinal).ToArray();
}
