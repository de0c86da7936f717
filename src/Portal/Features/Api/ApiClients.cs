using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace QualityVoice.Portal.Features.Api;

/// <summary>Recognises a trusted integration by the API key it sends in the <c>X-Api-Key</c> header.</summary>
public sealed class ApiClients(IOptions<ApiOptions> options)
{
    /// <summary>The header that carries the key.</summary>
    public const string Header = "X-Api-Key";

    private readonly (string Name, byte[] Hash)[] _clients = options.Value.Clients
        .Select(client => (client.Name, Convert.FromHexString(client.KeySha256)))
        .ToArray();

    /// <summary>Whether a key belongs to a trusted integration, and which; compared in constant time.</summary>
    public bool TryIdentify(string? presentedKey, [NotNullWhen(true)] out string? name)
    {
        name = null;
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 256)
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        foreach (var client in _clients)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, client.Hash))
            {
                name = client.Name;
            }
        }

        return name is not null;
    }
}
