using System.Net;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.Home;

public sealed class HomeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_home_page_lists_the_strategic_themes_of_the_content_pack()
    {
        var page = await portal.CreateBrowser().GetPageAsync("/");

        var themes = page.QuerySelectorAll(".nhsuk-card__heading").Select(heading => heading.TextContent.Trim()).ToArray();
        Assert.Equal(
            ["Culture and climate", "Patient safety", "Clinical effectiveness", "Clinical and multi-professional leadership", "Positive experiences"],
            themes);
    }

    [Fact]
    public async Task Every_page_has_the_nhs_layout_with_the_service_and_icb_names()
    {
        var page = await portal.CreateBrowser().GetPageAsync("/");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("#maincontent", page.QuerySelector("a.nhsuk-skip-link")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main#maincontent"));
        var header = page.QuerySelector("header.nhsuk-header")!.TextContent;
        Assert.Contains("QualityVoice", header, StringComparison.Ordinal);
        Assert.Contains("North East and North Cumbria Integrated Care Board", header, StringComparison.Ordinal);
        var footerLinks = page.QuerySelectorAll("footer a").Select(link => link.GetAttribute("href") ?? string.Empty).ToArray();
        Assert.Equal(["/accessibility-statement", "/privacy", "/contact"], footerLinks);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/feedback")]
    [InlineData("/you-said-we-did")]
    public async Task Public_pages_describe_themselves_to_search_engines(string path)
    {
        var page = await portal.CreateBrowser().GetPageAsync(path);

        var description = page.QuerySelector("meta[name=description]")?.GetAttribute("content");
        Assert.StartsWith("Tell North East and North Cumbria Integrated Care Board about your care", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/accessibility-statement", "Accessibility statement for QualityVoice")]
    [InlineData("/privacy", "Privacy notice")]
    [InlineData("/contact", "Contact us")]
    public async Task The_footer_pages_come_from_the_content_pack(string path, string heading)
    {
        var page = await portal.CreateBrowser().GetPageAsync(path);

        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_privacy_notice_states_the_retention_period_the_apps_apply()
    {
        var page = await portal.CreateBrowser().GetPageAsync("/privacy");
        var notice = page.QuerySelector("main")!.TextContent;

        Assert.Contains("your email address for 2 years from the day you gave your feedback", notice, StringComparison.Ordinal);
        Assert.Contains("and the conversation) for as long as our records management policy says", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", notice, StringComparison.Ordinal);
        Assert.All(
            ["nenc", "notts", "somerset"],
            pack => Assert.All(
                [QualityVoice.Feedback.Retention.RetentionPolicy.OriginalWordsPlaceholder, QualityVoice.Feedback.Retention.RetentionPolicy.SpeakUpCasesPlaceholder],
                placeholder => Assert.Contains(placeholder, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content", pack, "pages", "privacy.md")), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_unknown_page_is_a_404_in_plain_words()
    {
        using var response = await portal.CreateBrowser().GetAsync(new Uri("/no-such-page", UriKind.Relative));
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Responses_carry_a_strict_content_security_policy()
    {
        using var response = await portal.CreateBrowser().GetAsync(new Uri("/", UriKind.Relative));

        var policy = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_nhs_frontend_is_served_from_this_site()
    {
        var client = portal.CreateBrowser();
        var page = await client.GetPageAsync("/");
        var stylesheet = page.QuerySelectorAll("link[rel=stylesheet]").Select(link => link.GetAttribute("href")!).First();

        using var response = await client.GetAsync(new Uri(stylesheet, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(".nhsuk-header", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task The_health_endpoints_answer(string path)
    {
        var client = portal.CreateBrowser();
        await client.GetPageAsync("/");

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
