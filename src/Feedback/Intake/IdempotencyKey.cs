using System.Security.Cryptography;
using System.Text;

namespace QualityVoice.Feedback.Intake;

/// <summary>
/// A client's Idempotency-Key, scoped to that client (an integration's name, or "public" for the bot-checked
/// API, or "form" for the portal's own check-answers page) so that two clients' keys never collide.
/// </summary>
public sealed record IdempotencyKey
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 200;

    /// <summary>Scopes a client's key.</summary>
    public IdempotencyKey(string scope, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Scoped = $"{scope}\n{key}";
    }

    /// <summary>The scope and the key together.</summary>
    public string Scoped { get; }

    /// <summary>What the store keeps: a hash, so a client's own key is never stored.</summary>
    public byte[] Hash() => SHA256.HashData(Encoding.UTF8.GetBytes(Scoped));

    /// <summary>Whether a header value can be a key: 1 to 200 printable ASCII characters.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => c is >= '!' and <= '~');
}
