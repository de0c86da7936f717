using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates an account with a role (once) and returns a browser signed in as it.</summary>
    public async Task<HttpClient> SignInAsync(string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}@example.nhs.uk";
        await using (var scope = Services.CreateAsyncScope())
        {
            var problems = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, Password, role);
            Assert.Empty(problems);
        }

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
        builder.UseSetting("Staff:RequireTwoFactorForPrivilegedRoles", "false");
        // The analysis worker would race the tests that set analysis themselves.
        builder.UseSetting("Analysis:Worker:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
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
