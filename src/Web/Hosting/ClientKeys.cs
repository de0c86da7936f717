using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace QualityVoice.Web.Hosting;

/// <summary>
/// Stands in for a client's IP address wherever one is needed to tell clients apart (rate limits, sign-in
/// throttling, the no-script allowance): a keyed hash under a key made fresh each time the app starts and never
/// written anywhere, so no address, or anything that could be turned back into one, is ever stored.
/// </summary>
public sealed class ClientKeys
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The client's key.</summary>
    public string For(HttpContext context) => For(context.Connection.RemoteIpAddress);

    /// <summary>
    /// The key of an address. An IPv6 client is keyed by its /64, the block one subscriber or host is given:
    /// keying the full address would let a native IPv6 client pick a new key for every request.
    /// </summary>
    public string For(IPAddress? address) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Significant(address)), 0, 16);

    private static byte[] Significant(IPAddress? address) => address switch
    {
        null => [],
        { IsIPv4MappedToIPv6: true } => address.MapToIPv4().GetAddressBytes(),
        { AddressFamily: AddressFamily.InterNetworkV6 } => address.GetAddressBytes()[..8],
        _ => address.GetAddressBytes(),
    };
}
