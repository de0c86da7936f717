using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.Content;

/// <summary>The portal serving Nottingham and Nottinghamshire's pack instead of the default.</summary>
public sealed class NottsPortal : PortalFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Content:Pack"] = "notts",
    };
}

public sealed class OtherPackTests(NottsPortal portal) : IClassFixture<NottsPortal>
{
    [Fact]
    public async Task The_portal_serves_another_ICB_s_strategy_when_its_pack_is_chosen()
    {
        var client = portal.CreateClient();

        var home = await client.GetPageAsync("/");
        var about = await client.GetPageAsync("/about");
        var domain = await client.GetPageAsync("/themes/co-design-and-co-production");

        Assert.Contains("NHS Nottingham and Nottinghamshire Integrated Care Board", home.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(6, home.QuerySelectorAll("main a[href^='/themes/']").Length);
        Assert.Contains("Focus on improving access to, and quality of, maternity services for our population.", about.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("People who experience care and carers", domain.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rx1-ed", System.Net.HttpStatusCode.Created)]
    [InlineData("rtd-ae", System.Net.HttpStatusCode.BadRequest)] // a North East service, not one of this pack's
    public async Task Feedback_is_about_the_chosen_pack_s_services(string service, System.Net.HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback")
        {
            Content = new StringContent($$"""{"kind":"patient","service":"{{service}}","fftRating":"good","whatWasGood":"Kind staff"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", PortalFactory.ApiKey);

        using var response = await portal.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }
}
