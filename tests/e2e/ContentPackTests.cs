namespace QualityVoice.E2E;

/// <summary>Every content pack other than the default starts with ./qv run, and its pages pass axe.</summary>
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
}
