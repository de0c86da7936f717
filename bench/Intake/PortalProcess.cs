using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace QualityVoice.Bench.Intake;

/// <summary>
/// The published portal (./qv publishes it to .qv-build/Portal) run as its own process on a loopback port, with
/// a data folder that outlives it, so that it can be killed and started again on the same data.
/// </summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    public const string ApiKey = "bench-integration-key-0123456789abcdef";

    private readonly string _repository;
    private readonly string _dataDirectory;
    private Process? _process;

    public PortalProcess(string repository, string dataDirectory, int port)
    {
        _repository = repository;
        _dataDirectory = dataDirectory;
        Address = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Address { get; }

    public async Task StartAsync()
    {
        var build = Path.Combine(_repository, ".qv-build", "Portal");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(build, "QualityVoice.Portal.dll"), "--urls", Address.ToString().TrimEnd('/'), "--contentRoot", build])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // Production settings, as an ICB would run it; the integration's key lifts the per-client limit out of the way.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["QualityVoice__DataDirectory"] = _dataDirectory;
        start.Environment["Content__Pack"] = "nenc";
        start.Environment["Api__Clients__0__Name"] = "bench";
        start.Environment["Api__Clients__0__KeySha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey)));
        start.Environment["RateLimits__ApiClientRequestsPerSecond"] = "1000000";
        _process = Process.Start(start) ?? throw new InvalidOperationException("The portal did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                Console.Error.WriteLine($"portal: {line.Data}");
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal stopped while starting (exit code {_process.ExitCode}).");
            }

            try
            {
                using var ready = await client.GetAsync("health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The portal was not ready within a minute.");
    }

    /// <summary>SIGKILL: no shutdown, no flush, as when the machine loses power or the OOM killer strikes.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, and wait for a graceful stop.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}
