using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace QualityVoice.TestSupport;

/// <summary>
/// maildev (from the repository's npm packages) on loopback: a real SMTP server that keeps what it receives and
/// serves it back through its REST API (<c>GET /email</c>). Started on free ports, stopped when disposed.
/// </summary>
public sealed class MailDev : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TemporaryDirectory _mail;
    private readonly HttpClient _web;

    private MailDev(Process process, TemporaryDirectory mail, int smtpPort, Uri webAddress)
    {
        _process = process;
        _mail = mail;
        SmtpPort = smtpPort;
        _web = new HttpClient { BaseAddress = webAddress };
    }

    /// <summary>The SMTP port on 127.0.0.1.</summary>
    public int SmtpPort { get; }

    /// <summary>The environment that sends an app's e-mail here: SMTP on loopback, without TLS.</summary>
    public IEnumerable<KeyValuePair<string, string>> AppEnvironment =>
    [
        new("Email__Delivery", "Smtp"),
        new("Email__SmtpHost", "127.0.0.1"),
        new("Email__SmtpPort", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Email__EnableSsl", "false"),
    ];

    /// <summary>Starts maildev and waits until both its SMTP and web ports answer.</summary>
    public static async Task<MailDev> StartAsync()
    {
        var script = Path.Combine(Repository.Root, "node_modules", "maildev", "bin", "maildev");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} is missing: run npm ci (./qv test does) before the e-mail tests.");
        }

        var smtp = Repository.FreePort();
        var web = Repository.FreePort();
        var mail = new TemporaryDirectory();
        string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("node", [script, "--smtp", Port(smtp), "--web", Port(web), "--ip", "127.0.0.1", "--mail-directory", mail.Path, "--silent"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await Repository.WaitForPortAsync(smtp, process);
        await Repository.WaitForPortAsync(web, process);
        return new MailDev(process, mail, smtp, new Uri($"http://127.0.0.1:{web}/"));
    }

    /// <summary>Every e-mail received so far, as maildev's REST API gives them.</summary>
    public async Task<IReadOnlyList<JsonElement>> EmailsAsync() =>
        await _web.GetFromJsonAsync<JsonElement[]>("email") ?? [];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _web.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _mail.Dispose();
    }
}
