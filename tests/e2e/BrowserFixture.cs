using Microsoft.Playwright;
using QualityVoice.TestSupport;

// One set of apps at a time: the journeys on each store, and ./qv run's own tests, each start theirs.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace QualityVoice.E2E;

/// <summary>
/// One running pair of apps and one Chromium for the whole collection: starting them is the slow part.
/// Chromium is Debian's (Playwright cannot download a browser here): CHROMIUM_PATH, or /usr/bin/chromium.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The API key of the client the deployment smoke test submits with.</summary>
    public const string SmokeApiKey = "e2e-smoke-test-key-0123456789abcdef";

    /// <summary>The SMTP server the back office sends its e-mails to (maildev on loopback).</summary>
    public MailDev Mail { get; private set; } = null!;

    /// <summary>The running apps.</summary>
    public RunningApps Apps { get; private set; } = null!;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <inheritdoc />
    public virtual async Task InitializeAsync()
    {
        Mail = await MailDev.StartAsync();
        Apps = await RunningApps.StartAsync(new Dictionary<string, string>(StoreSettings.Concat(Mail.AppEnvironment))
        {
            ["Publishing__WorkerInterval"] = "00:00:01",

            // The API client infra/smoke-test.sh submits with (DeploymentSmokeTests).
            ["Api__Clients__0__Name"] = "smoke-test",
            ["Api__Clients__0__KeySha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(SmokeApiKey))),
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context (its own cookies). The apps send a strict Content-Security-Policy, so the
    /// context bypasses it for axe's injected script; the pages' own scripts obey it all the same.
    /// </summary>
    public async Task<IPage> NewPageAsync(bool javaScriptEnabled = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BypassCSP = true,
            JavaScriptEnabled = javaScriptEnabled,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>The feedback store's settings: none, for the embedded SQLite default.</summary>
    protected virtual IReadOnlyDictionary<string, string> StoreSettings { get; } = new Dictionary<string, string>();

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Apps is not null)
        {
            await Apps.DisposeAsync();
        }

        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }
    }
}

/// <summary>The e2e tests share one set of apps and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Browser";
}

/// <summary>The same, with the feedback store on Cosmos DB: the protocol peer on loopback, or COSMOS_ENDPOINT.</summary>
public sealed class CosmosBrowserFixture : BrowserFixture
{
    private CosmosDbServer? _account;

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string> StoreSettings => new Dictionary<string, string>
    {
        ["Feedback__Store"] = "Cosmos",
        ["Feedback__Cosmos__Endpoint"] = _account!.Endpoint.ToString(),
        ["Feedback__Cosmos__Key"] = _account.Key,
        ["Feedback__Cosmos__Database"] = "qv-e2e-" + Guid.NewGuid().ToString("N")[..8],
        ["Feedback__Cosmos__AcceptAnyServerCertificate"] = _account.IsProtocolPeer ? "true" : "false",
    };

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        _account = await CosmosDbServer.StartAsync();
        await base.InitializeAsync();
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_account is not null)
        {
            await _account.DisposeAsync();
        }
    }
}

/// <summary>The journeys that also run with the feedback store on Cosmos DB.</summary>
[CollectionDefinition(Name)]
public sealed class CosmosBrowserCollection : ICollectionFixture<CosmosBrowserFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Browser on Cosmos DB";
}
