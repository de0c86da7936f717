using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace QualityVoice.Bench.BackOffice;

/// <summary>
/// The published back office (./qv publishes it to .qv-build/BackOffice) run in Production over an existing data
/// folder, on a loopback port, with a quality team account the benchmark signs in as.
/// </summary>
internal sealed partial class BackOfficeProcess : IAsyncDisposable
{
    public const string Email = "bench@qualityvoice.local";
    public const string Password = "benchmarks sign in with this phrase";

    private readonly Process _process;

    private BackOfficeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BackOfficeProcess> StartAsync(string repository, string dataDirectory)
    {
        // The account, through the command line as an administrator would add one.
        var cli = Path.Combine(repository, "src", "Cli", "bin", "Release", "net10.0", "QualityVoice.Cli.dll");
        var users = new ProcessStartInfo("dotnet", [cli, "users", "add", "--email", Email, "--password", Password, "--role", "QualityTeam"])
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        users.Environment["QualityVoice__DataDirectory"] = dataDirectory;
        users.Environment["Content__Pack"] = "nenc";
        using (var add = Process.Start(users)!)
        {
            var said = await add.StandardOutput.ReadToEndAsync() + await add.StandardError.ReadToEndAsync();
            await add.WaitForExitAsync();
            if (add.ExitCode != 0)
            {
                throw new InvalidOperationException($"Could not add the benchmark's account: {said}");
            }
        }

        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var build = Path.Combine(repository, ".qv-build", "BackOffice");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(build, "QualityVoice.BackOffice.dll"), "--urls", address.ToString().TrimEnd('/'), "--contentRoot", build])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["QualityVoice__DataDirectory"] = dataDirectory;
        start.Environment["Content__Pack"] = "nenc";
        start.Environment["Analysis__Worker__Enabled"] = "false";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The back office did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                Console.Error.WriteLine($"back office: {line.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var backOffice = new BackOfficeProcess(process, address);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The back office stopped while starting (exit code {process.ExitCode}).");
            }

            try
            {
                using var ready = await client.GetAsync("health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return backOffice;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await backOffice.DisposeAsync();
        throw new TimeoutException("The back office was not ready within two minutes.");
    }

    /// <summary>
    /// A client signed in as the benchmark's account. In Production the cookies are marked Secure, which a
    /// cookie container will not send over plain http, so the client carries them itself (loopback only).
    /// </summary>
    public async Task<HttpClient> SignInAsync()
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Address };
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
