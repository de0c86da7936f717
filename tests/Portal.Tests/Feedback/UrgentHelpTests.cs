using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.Feedback;

/// <summary>Where to get help now is shown before anyone writes, on the first page of both journeys.</summary>
public sealed class UrgentHelpTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/feedback")]
    [InlineData("/speak-up")]
    public async Task The_first_page_says_where_to_get_help_now(string path)
    {
        var page = await portal.CreateBrowser().GetPageAsync(path);

        var card = page.QuerySelector("[data-testid=urgent-help]");
        Assert.NotNull(card);
        Assert.Contains("nhsuk-card--care--urgent", card.ClassName, StringComparison.Ordinal);
        var text = card.TextContent;
        Assert.Contains("Call 999", text, StringComparison.Ordinal);
        Assert.Contains("choose option 2", text, StringComparison.Ordinal);
        Assert.Contains("116 123", text, StringComparison.Ordinal);
    }
}
