using System.Diagnostics;
using System.Globalization;
using QualityVoice.Bench.Common;

namespace QualityVoice.Bench.Portal;

/// <summary>
/// nginx (the Debian package) serving files from a folder of its own on a loopback port: the reference a page is
/// measured against, in the same run on the same machine.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("qv-bench-nginx-");
    private Process? _process;

    private Nginx()
    {
        Address = new Uri($"http://127.0.0.1:{AppProcess.FreePort()}/");
        Directory.CreateDirectory(Root);
        File.SetUnixFileMode(_folder.FullName, Readable);
        File.SetUnixFileMode(Root, Readable);
    }

    /// <summary>Where it listens.</summary>
    public Uri Address { get; }

    private string Root => Path.Combine(_folder.FullName, "www");

    /// <summary>Starts nginx with two workers (one a core), no access log, and keep-alive for as long as wrk asks.</summary>
    public static async Task<Nginx> StartAsync()
    {
        var nginx = new Nginx();
        var folder = nginx._folder.FullName;
        var configuration = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(configuration, string.Create(CultureInfo.InvariantCulture, $$"""
            worker_processes 2;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events { worker_connections 1024; }
            http {
              access_log off;
              sendfile on;
              keepalive_requests 1000000;
              default_type text/html;
              client_body_temp_path {{folder}}/body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              server { listen {{nginx.Address.Host}}:{{nginx.Address.Port}}; root {{nginx.Root}}; }
            }
            """));
        nginx._process = Process.Start(new ProcessStartInfo("nginx", ["-p", folder, "-c", configuration])
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("nginx did not start.");
        _ = nginx._process.StandardError.ReadToEndAsync();

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (nginx._process.HasExited)
            {
                throw new InvalidOperationException($"nginx stopped while starting: {await File.ReadAllTextAsync(Path.Combine(folder, "error.log"))}");
            }

            try
            {
                using var answer = await client.GetAsync(nginx.Address);
                return nginx;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("nginx did not answer within five seconds.");
    }

    /// <summary>Serves <paramref name="bytes"/> as <c>/<paramref name="name"/></c> and says where.</summary>
    public async Task<Uri> ServeAsync(string name, byte[] bytes)
    {
        var file = Path.Combine(Root, name);
        await File.WriteAllBytesAsync(file, bytes);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return new Uri(Address, name);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _folder.Delete(recursive: true);
    }
}
