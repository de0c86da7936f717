using System.Net;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.Themes;

public sealed class ThemeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_theme_page_has_the_strategys_I_and_We_statements_and_its_quality_priorities()
    {
        var page = await portal.CreateClient().GetPageAsync("/themes/positive-experiences");

        Assert.Equal("Positive experiences", page.QuerySelector("h1")!.TextContent.Trim());
        var headings = page.QuerySelectorAll("main h2").Select(heading => heading.TextContent.Trim()).ToArray();
        Assert.Equal(["What this means to our people and communities", "What this means for the system", "Our quality priorities", "You said, we did"], headings);
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("My feedback makes a difference.", main, StringComparison.Ordinal);
        Assert.Contains("My cultural and religious needs", main, StringComparison.Ordinal);
        Assert.Contains("Feedback can help spot early signs of poor care and a closed culture.", main, StringComparison.Ordinal);
        Assert.Contains("development of a practical waiting well approach to support people waiting for CAMHS", main, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href='/you-said-we-did/camhs-waiting-well']"));
    }

    [Fact]
    public async Task The_Easy_Read_version_is_the_strategys_plain_language_text()
    {
        var full = await portal.CreateClient().GetPageAsync("/themes/patient-safety");
        var toggle = full.QuerySelector("main a[href='/themes/patient-safety?version=easy-read']");

        var easy = await portal.CreateClient().GetPageAsync(toggle!.GetAttribute("href")!);

        Assert.Equal("Patient safety (Easy Read)", easy.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("We promote honesty and learning to improve safety.", easy.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("What this means for the system", easy.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Culture_and_climate_has_its_principles_and_no_Easy_Read_toggle()
    {
        var page = await portal.CreateClient().GetPageAsync("/themes/culture-and-climate");

        Assert.Contains("Professional curiosity", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main a[href$='version=easy-read']"));
        Assert.Contains("Our quality priorities", page.QuerySelectorAll("main h2").Select(heading => heading.TextContent), StringComparer.Ordinal);
    }

    [Fact]
    public async Task The_home_page_links_every_theme()
    {
        var home = await portal.CreateClient().GetPageAsync("/");

        Assert.Equal(5, home.QuerySelectorAll("main a[href^='/themes/']").Length);
    }

    [Fact]
    public async Task A_theme_that_does_not_exist_is_not_found()
    {
        using var response = await portal.CreateClient().GetAsync(new Uri("/themes/kindness", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class ThemeFeedbackTests(QualityVoice.Portal.Tests.OpenData.OpenDataPortal portal) : IClassFixture<QualityVoice.Portal.Tests.OpenData.OpenDataPortal>
{
    [Fact]
    public async Task A_theme_page_says_how_many_people_told_us_about_each_of_its_parts_with_small_numbers_hidden()
    {
        var experiences = await portal.CreateClient().GetPageAsync("/themes/positive-experiences");
        var safety = await portal.CreateClient().GetPageAsync("/themes/patient-safety");

        // October: 12 about parking, 7 of them negative; this month's comment is not counted until the month ends.
        Assert.Equal(["Parking 12 7"], Rows(experiences));
        // September: 3 about discharge, too few to show; none of them unhappy (zeros are shown).
        Assert.Equal(["Discharge fewer than 5 0"], Rows(safety));
    }

    private static string[] Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("main table").Single(table => table.QuerySelector("caption")!.TextContent.Contains("last 12 months", StringComparison.Ordinal))
            .QuerySelectorAll("tbody tr").Select(row => string.Join(' ', row.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()))).ToArray();
}
