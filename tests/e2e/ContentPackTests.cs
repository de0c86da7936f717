using QualityVoice.Content;
using QualityVoice.Content.Umbraco;
using QualityVoice.TestSupport;

namespace QualityVoice.E2E;

/// <summary>Every content pack other than the default, and content from Umbraco, starts with ./qv run, and its pages pass axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentPackTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("notts", "/themes/co-design-and-co-production")]
    [InlineData("somerset", "/themes/equitable")]
    public async Task Another_pack_starts_and_its_pages_are_accessible(string pack, string themePage)
    {
        await using var apps = await RunningApps.StartAsync(new Dictionary<string, string> { ["QV_CONTENT_PACK"] = pack });
        var page = await fixture.NewPageAsync();

        foreach (var path in new[] { "/", "/about", themePage, "/you-said-we-did", "/open-data", "/accessibility-statement", "/privacy", "/contact", "/feedback" })
        {
            await page.VisitAsync(new Uri(apps.Portal, path));
        }
    }

    [Fact]
    public async Task The_portal_on_content_from_umbraco_starts_and_its_pages_are_accessible()
    {
        var nenc = ContentPackLoader.Load(Path.Combine(Repository.Root, "content"), "nenc");
        await using var umbraco = await UmbracoDeliveryServer.StartAsync(UmbracoExport.NodesOf(nenc), apiKey: "e2e-umbraco-key");
        await using var apps = await RunningApps.StartAsync(new Dictionary<string, string>
        {
            ["Content__Source"] = "Umbraco",
            ["Content__Umbraco__BaseUrl"] = umbraco.Address.ToString(),
            ["Content__Umbraco__StartItem"] = umbraco.RootSegment,
            ["Content__Umbraco__ApiKey"] = "e2e-umbraco-key",
        });
        var page = await fixture.NewPageAsync();

        foreach (var path in new[] { "/", "/themes/patient-safety", "/you-said-we-did", "/open-data", "/accessibility-statement", "/privacy", "/contact", "/feedback", "/speak-up" })
        {
            await page.VisitAsync(new Uri(apps.Portal, path));
        }

        Assert.Contains(umbraco.Queries, query => query.Contains("fetch=descendants", StringComparison.Ordinal));
    }
}
