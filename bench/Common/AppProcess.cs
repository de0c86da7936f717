using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace QualityVoice.Bench.Common;

/// <summary>
/// A published app (./qv publishes them to .qv-build/&lt;App&gt;) run as its own process on a loopback port in
/// Production, over a data folder that outlives it, so that a benchmark can kill it, pause it (SIGSTOP, as a hung
/// process), and start it again on the same data.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly string _repository;
    private readonly string _app;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private Process? _process;

    /// <summary>Describes the app <paramref name="app"/> ("Portal" or "BackOffice") over <paramref name="dataDirectory"/>.</summary>
    public AppProcess(string repository, string app, string dataDirectory, IReadOnlyDictionary<string, string>? environment = null, int? port = null)
    {
        _repository = repository;
        _app = app;
        var variables = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["QualityVoice__DataDirectory"] = dataDirectory,
            ["Content__Pack"] = "nenc",
            ["AllowedHosts"] = "127.0.0.1",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        if (app == "Portal")
        {
            // As ./qv run starts it: socket completions run on the epoll threads (docs/adr/0014-portal-output-caching.md).
            variables["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1";
        }

        _environment = variables;
        Address = new Uri($"http://127.0.0.1:{port ?? FreePort()}/");
    }

    /// <summary>Where it listens.</summary>
    public Uri Address { get; }

    /// <summary>Starts it and waits until <c>/health/ready</c> says so (two minutes at most).</summary>
    public async Task StartAsync()
    {
        var build = Path.Combine(_repository, ".qv-build", _app);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(build, $"QualityVoice.{_app}.dll"), "--urls", Address.ToString().TrimEnd('/'), "--contentRoot", build])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{_app} did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                Console.Error.WriteLine($"{_app}: {line.Data}");
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_app} stopped while starting (exit code {_process.ExitCode}).");
            }

            try
            {
                using var ready = await client.GetAsync("health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{_app} was not ready within two minutes.");
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
    public Task StopAsync() => SignalAsync("TERM", waitForExit: true);

    /// <summary>SIGSTOP: the process stops where it is, holding whatever it holds, as a hung process would.</summary>
    public Task PauseAsync() => SignalAsync("STOP", waitForExit: false);

    /// <summary>SIGCONT: it carries on.</summary>
    public Task ResumeAsync() => SignalAsync("CONT", waitForExit: false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await ResumeAsync();
        await KillAsync();
        _process?.Dispose();
    }

    /// <summary>A loopback port that is free now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task SignalAsync(string signal, bool waitForExit)
    {
        if (_process is not { HasExited: false })
        {
            return;
        }

        using (var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        if (waitForExit)
        {
            await _process.WaitForExitAsync();
        }
    }
}
