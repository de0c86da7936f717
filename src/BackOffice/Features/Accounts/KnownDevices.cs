using Microsoft.AspNetCore.DataProtection;

namespace QualityVoice.BackOffice.Features.Accounts;

/// <summary>
/// Remembers, in a signed and encrypted cookie, which account last signed in on this browser: a device the real
/// person uses is not slowed down by someone else guessing that account's password from elsewhere.
/// </summary>
public sealed class KnownDevices(IDataProtectionProvider dataProtection)
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "qv-device";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("QualityVoice.Staff.KnownDevice").ToTimeLimitedDataProtector();

    /// <summary>Whether this browser has signed in to the account before.</summary>
    public bool IsKnown(HttpRequest request, string email)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var cookie))
        {
            return false;
        }

        try
        {
            return string.Equals(_protector.Unprotect(cookie), Normalise(email), StringComparison.Ordinal);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Remembers that the account signed in on this browser.</summary>
    public void Remember(HttpResponse response, string email) =>
        response.Cookies.Append(CookieName, _protector.Protect(Normalise(email), Lifetime), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = Lifetime,
        });

    private static string Normalise(string email) => email.Trim().ToUpperInvariant();
}
