using System.Security.Cryptography;

namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>
/// Stands in for a client's IP address wherever one is needed to tell clients apart (rate limits, the no-script
/// allowance): a keyed hash under a key made fresh each time the portal starts and never written anywhere,
/// so no address, or anything that could be turned back into one, is ever stored.
/// </summary>
public sealed class ClientKeys
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The client's key.</summary>
    public string For(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress?.MapToIPv4().GetAddressBytes() ?? [];
        return Convert.ToBase64String(HMACSHA256.HashData(_key, address), 0, 16);
    }
}
