using Microsoft.Playwright;
using QualityVoice.TestSupport;

namespace QualityVoice.E2E;

/// <summary>
/// In a real browser: a member of staff signs in to the back office with their NHS account (Microsoft Entra ID,
/// played on loopback), lands where they were going, and someone without a QualityVoice role is told why.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EntraIdSignInTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Staff_sign_in_with_their_NHS_account_and_the_pages_are_accessible()
    {
        await using var entra = await LoopbackEntraId.StartAsync();
        await using var apps = await RunningApps.StartAsync(new Dictionary<string, string>
        {
            ["Staff__EntraId__Instance"] = entra.Instance.ToString(),
            ["Staff__EntraId__TenantId"] = LoopbackEntraId.TenantId,
            ["Staff__EntraId__ClientId"] = LoopbackEntraId.ClientId,
            ["Staff__EntraId__ClientSecret"] = LoopbackEntraId.ClientSecret,
        });

        entra.SignedIn = new EntraPerson("e2e-oid-quality", "quality.entra@e2e.example.nhs.uk", "Quality Entra", ["QualityTeam"]);
        var staff = await fixture.NewPageAsync();
        await staff.GotoAsync(new Uri(apps.BackOffice, "/inbox").ToString());
        Assert.Equal("Sign in", await staff.Locator("h1").InnerTextAsync());
        await staff.AssertAccessibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in with your NHS account" }).ClickAsync();
        await staff.WaitForURLAsync(new Uri(apps.BackOffice, "/inbox").ToString());
        await staff.AssertAccessibleAsync();

        entra.SignedIn = new EntraPerson("e2e-oid-nobody", "no.role@e2e.example.nhs.uk", "No Role", []);
        // On a phone: the sign-in page with the NHS account button, and the page that says why not, fit the screen.
        var stranger = await fixture.NewPageAsync();
        await stranger.SetViewportSizeAsync(390, 844);
        await stranger.GotoAsync(new Uri(apps.BackOffice, "/account/sign-in").ToString());
        await stranger.AssertAccessibleAsync();
        await stranger.AssertFitsTheScreenAsync();
        await stranger.GetByRole(AriaRole.Button, new() { Name = "Sign in with your NHS account" }).ClickAsync();
        Assert.Equal("You cannot sign in to QualityVoice", await stranger.Locator("h1").InnerTextAsync());
        Assert.Contains("no QualityVoice role", await stranger.GetByTestId("problem").InnerTextAsync(), StringComparison.Ordinal);
        await stranger.AssertAccessibleAsync();
        await stranger.AssertFitsTheScreenAsync();
    }
}
