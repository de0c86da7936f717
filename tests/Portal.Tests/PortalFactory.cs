using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests;

/// <summary>The portal, hosted in memory on its embedded defaults, with its data in a temporary folder.</summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryDirectory _data = new();

    /// <summary>The data directory the portal writes to.</summary>
    public string DataDirectory => _data.Path;

    /// <summary>A client that keeps cookies and does not follow redirects, like a careful browser.</summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the Razor class library's static assets from the build output, as `dotnet run` does.
        builder.UseEnvironment("Development");
        builder.UseSetting("QualityVoice:DataDirectory", _data.Path);
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
