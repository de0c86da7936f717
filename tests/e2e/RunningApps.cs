using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using QualityVoice.TestSupport;

namespace QualityVoice.E2E;

/// <summary>
/// Both apps, started exactly as a person starts them: <c>./qv run --no-build</c> (./qv test publishes first),
/// on free loopback ports with their own data folder, and stopped with SIGTERM.
/// </summary>
public sealed class RunningApps : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TemporaryDirectory _data;
    private readonly StringBuilder _output = new();

    private RunningApps(Process process, TemporaryDirectory data, Uri portal, Uri backOffice)
    {
        _process = process;
        _data = data;
        Portal = portal;
        BackOffice = backOffice;
    }

    /// <summary>The portal's address.</summary>
    public Uri Portal { get; }

    /// <summary>The back office's address.</summary>
    public Uri BackOffice { get; }

    /// <summary>The data folder both apps use.</summary>
    public string DataDirectory => _data.Path;

    /// <summary>What ./qv run has printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Whether ./qv run is still running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>The repository's root: the folder holding ./qv.</summary>
    public static string RepositoryRoot => Repository.Root;

    /// <summary>Starts ./qv run --no-build and waits until both apps are ready.</summary>
    public static async Task<RunningApps> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var data = new TemporaryDirectory();
        var portal = new Uri($"http://127.0.0.1:{FreePort()}");
        var backOffice = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("bash", ["qv", "run", "--no-build"])
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["QV_PORTAL_URL"] = portal.ToString().TrimEnd('/');
        start.Environment["QV_BACKOFFICE_URL"] = backOffice.ToString().TrimEnd('/');
        start.Environment["QV_DATA_DIR"] = data.Path;
        start.Environment["QV_ADMIN_EMAIL"] = Accounts.AdministratorEmail;
        start.Environment["QV_ADMIN_PASSWORD"] = Accounts.Password;

        // The browser solves the real proof-of-work challenge; keep it quick on a 2-core machine.
        start.Environment["BotCheck__ProofOfWork__Cost"] = "50";
        start.Environment["BotCheck__ProofOfWork__KeyPrefix"] = "0";

        // A browser fills a form in faster than a person; the minimum fill time has its own functional tests.
        start.Environment["BotCheck__MinimumFillTime"] = "00:00:00";

        // Every e2e test signs in from loopback: one client, many sign-ins.
        start.Environment["RateLimits__SignInAttemptsPerMinute"] = "1000";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start ./qv run.");
        var apps = new RunningApps(process, data, portal, backOffice);
        process.OutputDataReceived += (_, line) => apps.Append(line.Data);
        process.ErrorDataReceived += (_, line) => apps.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (!apps.Output.Contains("Press Ctrl-C to stop both.", StringComparison.Ordinal))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                var output = apps.Output;
                await apps.DisposeAsync();
                throw new InvalidOperationException($"./qv run did not start both apps:\n{output}");
            }

            await Task.Delay(250);
        }

        return apps;
    }

    /// <summary>Stops ./qv run as Ctrl-C or a service manager would: SIGTERM, then waits for it to finish.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill!.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"./qv run did not stop within 30 seconds of SIGTERM:\n{Output}");
            }
        }

        return _process.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
            _data.Dispose();
        }
    }

    /// <summary>Whether anything still answers at an address.</summary>
    public static async Task<bool> AnswersAsync(Uri address)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.GetAsync(new Uri(address, "/health/live"));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort() => Repository.FreePort();
}
