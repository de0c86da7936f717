using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using QualityVoice.Feedback.Integrations;
using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Portal.Features.Api;

/// <summary>
/// Recognises a trusted integration by the API key it sends in the <c>X-Api-Key</c> header: the keys administrators
/// issue (<c>./qv api-clients</c>), whose keyed hashes are read from the store every <see cref="ApiOptions.RefreshSeconds"/>
/// on every instance, and the SHA-256 hashes in configuration that deployments began with.
/// </summary>
public sealed class ApiClients(IOptions<ApiOptions> options, IApiClientStore store, PassphraseHasher keyedHashes)
{
    /// <summary>The header that carries the key.</summary>
    public const string Header = "X-Api-Key";

    private readonly (string Name, byte[] Hash)[] _configured = options.Value.Clients
        .Select(client => (client.Name, Convert.FromHexString(client.KeySha256)))
        .ToArray();

    private volatile IReadOnlyDictionary<string, ApiClient> _issued = new Dictionary<string, ApiClient>();

    /// <summary>Reads the issued keys again, so that a new key works and a revoked one stops, on this instance.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var clients = await store.ListAsync(cancellationToken);
        _issued = clients.Where(client => client.IsActive).ToDictionary(client => Convert.ToHexString(client.KeyHash), StringComparer.Ordinal);
    }

    /// <summary>Whether a key belongs to a trusted integration, and which.</summary>
    public bool TryIdentify(string? presentedKey, [NotNullWhen(true)] out string? name) => TryIdentify(presentedKey, out name, out _);

    /// <summary>Whether a key belongs to a trusted integration, which, and its own rate limit if it has one.</summary>
    public bool TryIdentify(string? presentedKey, [NotNullWhen(true)] out string? name, out int? requestsPerSecond)
    {
        name = null;
        requestsPerSecond = null;
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 256)
        {
            return false;
        }

        // An issued key is found by its keyed hash: the lookup's timing depends on a hash nobody can choose.
        if (presentedKey.StartsWith(ApiClientRegistry.KeyPrefix, StringComparison.Ordinal)
            && _issued.TryGetValue(Convert.ToHexString(keyedHashes.HashApiKey(presentedKey)), out var issued))
        {
            name = issued.Name;
            requestsPerSecond = issued.RequestsPerSecond;
            return true;
        }

        // A configured key is compared with every configured hash in constant time.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        foreach (var client in _configured)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, client.Hash))
            {
                name = client.Name;
            }
        }

        return name is not null;
    }
}

/// <summary>Keeps <see cref="ApiClients"/> up to date with the store; a failure keeps the keys last read and tries again.</summary>
public sealed partial class ApiClientRefresh(ApiClients clients, IOptions<ApiOptions> options, TimeProvider time, ILogger<ApiClientRefresh> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds), time);
        do
        {
            try
            {
                await clients.RefreshAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogRefreshFailed(logger, failure.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the API clients from the store ({Failure}); the keys read before still work")]
    private static partial void LogRefreshFailed(ILogger logger, string failure);
}
