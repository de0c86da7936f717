using System.Diagnostics;
using QualityVoice.Feedback.Storage.Cosmos;

namespace QualityVoice.TestSupport;

/// <summary>
/// A Cosmos DB account for tests: the real one named by <c>COSMOS_ENDPOINT</c> and <c>COSMOS_KEY</c> when they are
/// set, otherwise the <c>@vercel/cosmosdb-server</c> protocol peer from the repository's npm packages, started on
/// a free loopback port (once per test collection, by cosmosdb-peer.js) and stopped when disposed.
/// </summary>
public sealed class CosmosDbServer : IAsyncDisposable
{
    // The protocol peer accepts any base64 key; this is the documented emulator key.
    private const string PeerKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private readonly Process? _peer;
    private readonly List<CosmosContainers> _databases = [];

    private CosmosDbServer(Process? peer, Uri endpoint, string key)
    {
        _peer = peer;
        Endpoint = endpoint;
        Key = key;
    }

    /// <summary>The account's endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The account's key.</summary>
    public string Key { get; }

    /// <summary>Whether this is the local protocol peer rather than a real account.</summary>
    public bool IsProtocolPeer => _peer is not null;

    /// <summary>Starts the protocol peer, or uses the real account when one is configured.</summary>
    public static async Task<CosmosDbServer> StartAsync()
    {
        var endpoint = Environment.GetEnvironmentVariable("COSMOS_ENDPOINT");
        if (!string.IsNullOrEmpty(endpoint))
        {
            return new CosmosDbServer(null, new Uri(endpoint), Environment.GetEnvironmentVariable("COSMOS_KEY") ?? string.Empty);
        }

        var peerPackage = Path.Combine(Repository.Root, "node_modules", "@vercel", "cosmosdb-server");
        if (!Directory.Exists(peerPackage))
        {
            throw new InvalidOperationException($"{peerPackage} is missing: run npm ci (./qv test does) before the Cosmos tests.");
        }

        var port = Repository.FreePort();
        var script = Path.Combine(Repository.Root, "tests", "TestSupport", "cosmosdb-peer.js");
        var start = new ProcessStartInfo("node", [script, Repository.Root, port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var peer = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        peer.OutputDataReceived += (_, _) => { };
        peer.ErrorDataReceived += (_, _) => { };
        peer.BeginOutputReadLine();
        peer.BeginErrorReadLine();

        await Repository.WaitForPortAsync(port, peer);
        return new CosmosDbServer(peer, new Uri($"https://127.0.0.1:{port}/"), PeerKey);
    }

    /// <summary>A new, empty database with QualityVoice's containers, deleted when the server is disposed.</summary>
    public async Task<CosmosContainers> CreateDatabaseAsync()
    {
        while (true)
        {
            var containers = new CosmosContainers(new CosmosStoreOptions
            {
                Endpoint = Endpoint,
                Key = Key,
                Database = "qv-test-" + Guid.NewGuid().ToString("N")[..12],
                AcceptAnyServerCertificate = IsProtocolPeer,
            });
            await containers.EnsureCreatedAsync(CancellationToken.None);
            lock (_databases)
            {
                _databases.Add(containers);
            }

            // The peer numbers databases in order and writes the number in base64, so some (the 63rd among them) have
            // a resource id with a "/" in it, which its own routes then cannot match: the SDK's requests by resource id
            // answer 404. Such a database is left unused and another made.
            var database = (await containers.Feedback.Database.ReadAsync()).Resource;
            if (!IsProtocolPeer || database.SelfLink.Count(c => c == '/') == 2)
            {
                return containers;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var containers in _databases)
        {
            if (!IsProtocolPeer)
            {
                await containers.DeleteDatabaseAsync();
            }

            containers.Dispose();
        }

        if (_peer is not null)
        {
            if (!_peer.HasExited)
            {
                _peer.Kill(entireProcessTree: true);
                await _peer.WaitForExitAsync();
            }

            _peer.Dispose();
        }
    }
}
