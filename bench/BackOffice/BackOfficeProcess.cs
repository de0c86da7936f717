using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using QualityVoice.Bench.Common;

namespace QualityVoice.Bench.BackOffice;

/// <summary>
/// The published back office run in Production over an existing data folder (its analysis worker off), with a
/// quality team account the benchmark signs in as.
/// </summary>
internal sealed partial class BackOfficeProcess : IAsyncDisposable
{
    public const string Email = "bench@qualityvoice.local";
    public const string Password = "a long phrase the timing runs sign in with";

    private readonly AppProcess _app;

    private BackOfficeProcess(AppProcess app) => _app = app;

    public Uri Address => _app.Address;

    public static async Task<BackOfficeProcess> StartAsync(string repository, string dataDirectory, IReadOnlyDictionary<string, string> environment)
    {
        // The account, through the command line as an administrator would add one.
        var cli = Path.Combine(repository, "src", "Cli", "bin", "Release", "net10.0", "QualityVoice.Cli.dll");
        var users = new ProcessStartInfo("dotnet", [cli, "users", "add", "--email", Email, "--password", Password, "--role", "QualityTeam"])
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // In the back office's store: on Cosmos DB the accounts are there too.
        foreach (var (name, value) in environment)
        {
            users.Environment[name] = value;
        }

        users.Environment["QualityVoice__DataDirectory"] = dataDirectory;
        users.Environment["Content__Pack"] = "nenc";
        users.Environment["DOTNET_ENVIRONMENT"] = environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") ?? "Production";
        using (var add = Process.Start(users)!)
        {
            var said = await add.StandardOutput.ReadToEndAsync() + await add.StandardError.ReadToEndAsync();
            await add.WaitForExitAsync();
            if (add.ExitCode != 0)
            {
                throw new InvalidOperationException($"Could not add the benchmark's account: {said}");
            }
        }

        var app = new AppProcess(repository, "BackOffice", dataDirectory, new Dictionary<string, string>(environment)
        {
            ["Analysis__Worker__Enabled"] = "false",
            ["Publishing__WorkerEnabled"] = "false",
            // The timed pages are the same with or without an authenticator app; signing in with one is not timed.
            ["Staff__RequireTwoFactor"] = "false",
        });
        await app.StartAsync();
        return new BackOfficeProcess(app);
    }

    /// <summary>
    /// A client signed in as the benchmark's account. In Production the cookies are marked Secure, which a
    /// cookie container will not send over plain http, so the client carries them itself (loopback only).
    /// </summary>
    public async Task<HttpClient> SignInAsync()
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(10) };
        using var form = await client.GetAsync("account/sign-in");
        Keep(client, form);
        var token = AntiforgeryToken().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var response = await client.PostAsync("account/sign-in", new FormUrlEncodedContent(
        [
            new("Input.Email", Email), new("Input.Password", Password), new("__RequestVerificationToken", token),
        ]));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode}.");
        }

        Keep(client, response);
        return client;
    }

    private static void Keep(HttpClient client, HttpResponseMessage response)
    {
        var cookies = new Dictionary<string, string>();
        if (client.DefaultRequestHeaders.TryGetValues("Cookie", out var sent))
        {
            foreach (var pair in string.Join("; ", sent).Split("; ", StringSplitOptions.RemoveEmptyEntries))
            {
                cookies[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair;
            }
        }

        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
        {
            var pair = header.Split(';')[0];
            cookies[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair;
        }

        client.DefaultRequestHeaders.Remove("Cookie");
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Values));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
