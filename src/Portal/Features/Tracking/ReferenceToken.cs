using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace QualityVoice.Portal.Features.Tracking;

/// <summary>
/// Lets a page that a reference and passphrase opened act on that reference for a while (send a message, stop
/// e-mails) without a cookie or a session: the reference and an expiry, protected with Data Protection under a
/// purpose of its own, checked against the injected clock. It gives nothing the passphrase did not.
/// </summary>
public sealed class ReferenceToken(IDataProtectionProvider dataProtection, string purpose, TimeProvider time)
{
    /// <summary>How long a token is good for.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly IDataProtector _protector = dataProtection.CreateProtector(purpose);

    /// <summary>A token for <paramref name="reference"/>, good for <see cref="Lifetime"/>.</summary>
    public string Issue(string reference) =>
        _protector.Protect($"{reference}|{(time.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The reference a token was issued for; null when it is forged, for another purpose, or out of date.</summary>
    public string? Read(string? token)
    {
        try
        {
            var parts = token is null ? [] : _protector.Unprotect(token).Split('|');
            return parts.Length == 2
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && time.GetUtcNow().ToUnixTimeSeconds() <= expires
                ? parts[0]
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
