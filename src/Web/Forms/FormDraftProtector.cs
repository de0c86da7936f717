using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace QualityVoice.Web.Forms;

/// <summary>
/// Carries a multi-page form's answers from page to page without cookies or server state: the draft travels
/// in a hidden field, encrypted and signed with ASP.NET Core Data Protection, and expires after a few hours.
/// Nothing a person typed is kept anywhere until they press the final button; an abandoned form leaves no trace.
/// </summary>
/// <typeparam name="TDraft">The draft's type (a record serialisable with System.Text.Json).</typeparam>
public sealed class FormDraftProtector<TDraft>(IDataProtectionProvider dataProtection, TimeProvider time)
    where TDraft : class
{
    /// <summary>How long a draft stays valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(4);

    private readonly IDataProtector _protector = dataProtection.CreateProtector($"QualityVoice.FormDraft.{typeof(TDraft).Name}");

    /// <summary>Encrypts a draft for the hidden field.</summary>
    public string Protect(TDraft draft) =>
        _protector.Protect(JsonSerializer.Serialize(new Envelope(time.GetUtcNow() + Lifetime, draft)));

    /// <summary>Reads a draft from the hidden field; false when it is missing, tampered with or expired.</summary>
    public bool TryUnprotect(string? token, out TDraft? draft)
    {
        draft = null;
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(_protector.Unprotect(token));
            if (envelope?.Draft is null || envelope.ExpiresAt < time.GetUtcNow())
            {
                return false;
            }

            draft = envelope.Draft;
            return true;
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            return false;
        }
    }

    private sealed record Envelope(DateTimeOffset ExpiresAt, TDraft Draft);
}
