using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.Content;

/// <summary>The portal serving NHS Somerset ICB's pack.</summary>
public sealed class SomersetPortal : PortalFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Content:Pack"] = "somerset",
    };
}

public sealed class SomersetTests(SomersetPortal portal) : IClassFixture<SomersetPortal>
{
    [Fact]
    public async Task The_portal_serves_Somerset_s_framework_with_the_NQB_s_view_of_quality_and_its_escalation_levels()
    {
        var client = portal.CreateClient();

        var home = await client.GetPageAsync("/");
        var about = await client.GetPageAsync("/about");
        var safe = await client.GetPageAsync("/themes/safe");

        Assert.Equal(
            ["Safe", "Effective", "A positive experience", "Well led", "Sustainably resourced", "Equitable"],
            home.QuerySelectorAll("main a[href^='/themes/']").Select(link => link.TextContent.Trim()));
        Assert.Equal(["Routine", "Enhanced", "Intensive"], about.QuerySelectorAll("main table tbody tr td:first-child").Select(cell => cell.TextContent.Trim()));
        Assert.Contains("Review the ICB corporate induction programme.", about.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("protects people from harm, neglect, abuse, and breaches of their human rights", safe.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
