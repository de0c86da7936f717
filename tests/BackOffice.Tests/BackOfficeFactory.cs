using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests;

/// <summary>The back office, hosted in memory on its embedded defaults, with its data in a temporary folder.</summary>
public class BackOfficeFactory : WebApplicationFactory<Program>
{
    /// <summary>The password every test account has.</summary>
    public const string Password = "correct horse battery staple";

    private readonly TemporaryDirectory _data = new();

    /// <summary>The data directory the back office uses.</summary>
    public string DataDirectory => _data.Path;

    /// <summary>The header through which a test says which address a request comes from (honoured by test hosts only).</summary>
    public const string PeerHeader = "X-Test-Peer";

    /// <summary>A client that keeps cookies and does not follow redirects, from <paramref name="peer"/>'s address if given.</summary>
    public HttpClient CreateBrowser(string? peer = null)
    {
        var browser = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (peer is not null)
        {
            browser.DefaultRequestHeaders.Add(PeerHeader, peer);
        }

        return browser;
    }

    /// <summary>The second administrator who approves the guardians the tests appoint.</summary>
    public const string Appointer = "appointer@example.nhs.uk";

    /// <summary>
    /// Creates an account with a role (once). A guardian's role waits for a second person, as it does for everyone:
    /// <see cref="Appointer"/> approves it.
    /// </summary>
    public async Task CreateAccountAsync(string email, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var added = await accounts.AddAsync(email, Password, role, "tests");
        Assert.True(added.Succeeded, string.Join(" ", added.Problems));
        if (added.AwaitingApproval)
        {
            Assert.True((await accounts.AddAsync(Appointer, Password, StaffRoles.Administrator, "tests")).Succeeded);
            var request = (await accounts.WaitingRequestsAsync()).Single(waiting => waiting.Email == email && waiting.Role == role);
            var approved = await accounts.ApproveAsync(request.Id, Appointer);
            Assert.True(approved.Succeeded, string.Join(" ", approved.Problems));
        }
    }

    /// <summary>Creates an account with a role (once) and returns a browser signed in as it.</summary>
    public async Task<HttpClient> SignInAsync(string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}@example.nhs.uk";
        await CreateAccountAsync(email, role);

        var browser = CreateBrowser();
        var form = await browser.GetPageAsync("/account/sign-in");
        using var response = await browser.SubmitAsync(form, [new("Input.Email", email), new("Input.Password", Password)]);
        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        return browser;
    }

    /// <summary>Settings a subclass adds to or changes from the defaults (two-factor sign-in, for one).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the Razor class library's static assets from the build output, as `dotnet run` does.
        builder.UseEnvironment("Development");
        builder.UseSetting("QualityVoice:DataDirectory", _data.Path);
        // Most tests sign in as administrators with a password only, as `./qv run` allows; TwoFactorTests turns it on.
        builder.UseSetting("Staff:RequireTwoFactor", "false");
        // The analysis worker would race the tests that set analysis themselves.
        builder.UseSetting("Analysis:Worker:Enabled", "false");
        // Kept reports are made on a schedule only where a test asks (KeptReportsTests).
        builder.UseSetting("Reports:Schedule:WeeklyPack", "false");
        builder.UseSetting("Reports:Schedule:ServiceReports", "false");
        // Every test signs in from the same in-memory client; SignInRateLimitTests keeps the real ceiling.
        builder.UseSetting("RateLimits:SignInAttemptsPerMinute", "10000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, TestPeerAddress>());
    }

    /// <summary>The in-memory server has no peer address: this gives a request the one its test names.</summary>
    private sealed class TestPeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer) && IPAddress.TryParse(peer, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            _data.Dispose();
        }
    }
}
