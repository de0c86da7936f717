using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests;

/// <summary>
/// The portal, hosted in memory on its embedded defaults, with its data in a temporary folder, a clock the test
/// moves, and every log line captured (so tests can prove that no feedback text reaches a log).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryDirectory _data = new();

    /// <summary>The data directory the portal writes to.</summary>
    public string DataDirectory => _data.Path;

    /// <summary>The portal's clock.</summary>
    public ManualTimeProvider Clock { get; } = new();

    /// <summary>Every message the portal logged.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The API key of the trusted integration the test portal knows.</summary>
    public const string ApiKey = "test-integration-key-0123456789";

    /// <summary>Settings a subclass adds to or changes from <see cref="Defaults"/> (other bot checks, tighter limits).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>The settings every test portal has.</summary>
    private static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>
    {
        // Cheap proof of work so tests can solve challenges: a one-hex-digit prefix, one hash a try.
        ["BotCheck:ProofOfWork:Algorithm"] = "SHA-256",
        ["BotCheck:ProofOfWork:Cost"] = "1",
        ["BotCheck:ProofOfWork:KeyPrefix"] = "0",
        ["BotCheck:NoScriptSubmissionsPerHour"] = "1000",
        ["RateLimits:TrackingAttemptsPerMinute"] = "1000",
        ["Api:Clients:0:Name"] = "test-integration",
        ["Api:Clients:0:KeySha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ApiKey))),
    };

    /// <summary>The hosting environment (Development unless a test needs Production's rules).</summary>
    protected virtual string EnvironmentName => "Development";

    /// <summary>A client that keeps cookies and does not follow redirects, like a careful browser.</summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the Razor class library's static assets from the build output, as `dotnet run` does.
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("QualityVoice:DataDirectory", _data.Path);
        foreach (var (key, value) in Defaults.Concat(Settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
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
