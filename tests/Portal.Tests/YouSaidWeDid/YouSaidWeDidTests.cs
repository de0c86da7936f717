using System.Net;
using System.Xml.Linq;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.YouSaidWeDid;

public sealed class YouSaidWeDidTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Camhs = "/you-said-we-did/camhs-waiting-well";

    [Fact]
    public async Task The_list_shows_the_change_the_strategy_reports_making_in_response_to_feedback()
    {
        var page = await portal.CreateClient().GetPageAsync("/you-said-we-did");

        var card = Assert.Single(page.QuerySelectorAll("main .nhsuk-card"));
        Assert.Equal("Supporting children and young people waiting for CAMHS", card.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("In progress", card.TextContent, StringComparison.Ordinal);
        Assert.Equal(Camhs, card.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("theme=positive-experiences", 1)]
    [InlineData("theme=patient-safety", 0)]
    [InlineData("status=in-progress", 1)]
    [InlineData("status=done", 0)]
    public async Task Filters_by_theme_and_status(string query, int expected)
    {
        var page = await portal.CreateClient().GetPageAsync("/you-said-we-did?" + query);

        Assert.Equal(expected, page.QuerySelectorAll("main .nhsuk-card").Length);
    }

    [Theory]
    [InlineData("theme=kindness", "theme")]
    [InlineData("status=finished", "status")]
    public async Task A_filter_value_it_does_not_know_is_a_400_that_names_it(string query, string field)
    {
        using var response = await portal.CreateClient().GetAsync(new Uri("/you-said-we-did?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ReadPageAsync()).QuerySelectorAll(".nhsuk-error-summary a"), a => a.GetAttribute("href") == "#" + field);
    }

    [Fact]
    public async Task An_update_says_what_people_told_us_what_we_did_its_steps_and_where_it_was_taken_from()
    {
        var page = await portal.CreateClient().GetPageAsync(Camhs);

        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Patient feedback identified a need for further work to support those waiting", main, StringComparison.Ordinal);
        Assert.Contains("practical waiting well approach", main, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("main table tbody tr").Length);
        Assert.Contains("Quality Strategy 2024–2029", main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_that_does_not_exist_is_not_found()
    {
        using var response = await portal.CreateClient().GetAsync(new Uri("/you-said-we-did/no-such-update", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_feed_is_valid_atom_with_an_entry_for_each_update()
    {
        using var response = await portal.CreateClient().GetAsync(new Uri("/you-said-we-did/feed.atom", UriKind.Relative));

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" })
        {
            Assert.NotNull(feed.Element(atom + required));
        }

        var entry = Assert.Single(feed.Elements(atom + "entry"));
        Assert.EndsWith(Camhs, entry.Element(atom + "id")!.Value, StringComparison.Ordinal);
        Assert.Equal("2026-11-22T00:00:00Z", entry.Element(atom + "updated")!.Value);
        Assert.Equal("html", entry.Element(atom + "content")!.Attribute("type")!.Value);
        Assert.Contains("waiting well", entry.Element(atom + "content")!.Value, StringComparison.Ordinal);
    }
}
