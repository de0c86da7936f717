using System.Net;
using System.Net.Sockets;

namespace QualityVoice.TestSupport;

/// <summary>Where the repository is, and free loopback ports, for tests that start real processes.</summary>
public static class Repository
{
    /// <summary>The repository's root: the folder holding ./qv and the solution.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A TCP port on 127.0.0.1 that is free now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something listens on a loopback port, while <paramref name="process"/> runs (30 seconds at most).</summary>
    public static async Task WaitForPortAsync(int port, System.Diagnostics.Process process)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "qv")) && File.Exists(Path.Combine(folder.FullName, "QualityVoice.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("These tests run from inside the repository (they look for ./qv).");
    }
}
