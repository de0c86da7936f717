using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Tests.Access;

public sealed class ResponseHeaderTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Theory]
    [InlineData("/inbox")]
    [InlineData("/dashboard")]
    [InlineData("/account")]
    public async Task Staff_pages_are_never_kept_in_a_browser_or_proxy_cache(string path)
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam, "cache@example.nhs.uk");

        using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));

        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} has Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_static_asset_keeps_its_own_caching()
    {
        using var response = await backOffice.CreateBrowser().GetAsync(new Uri("/_content/QualityVoice.Web/css/qualityvoice.css", UriKind.Relative));

        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }
}
