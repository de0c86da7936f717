namespace QualityVoice.Feedback.Integrations;

/// <summary>
/// An integration an administrator has issued an API key to, such as a trust's SMS survey supplier. Only a keyed hash
/// of its key is kept; the key itself is shown once, when it is issued.
/// </summary>
/// <param name="Name">Its name: unique, the scope of its idempotency keys and its rate limit.</param>
/// <param name="KeyHash">The keyed hash of its key (<see cref="Tracking.PassphraseHasher.HashApiKey"/>).</param>
/// <param name="KeyHint">The key's first characters, so that people can tell keys apart without seeing one.</param>
/// <param name="RequestsPerSecond">Its own rate limit, or null for the portal's default.</param>
/// <param name="IssuedAt">When the key was issued.</param>
/// <param name="IssuedBy">Who issued it.</param>
/// <param name="RevokedAt">When it was revoked, or null while it works.</param>
/// <param name="RevokedBy">Who revoked it.</param>
public sealed record ApiClient(
    string Name,
    byte[] KeyHash,
    string KeyHint,
    int? RequestsPerSecond,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    DateTimeOffset? RevokedAt = null,
    string? RevokedBy = null)
{
    /// <summary>The most requests a second a client may be allowed.</summary>
    public const int MaxRequestsPerSecond = 10_000;

    /// <summary>Whether its key still works.</summary>
    public bool IsActive => RevokedAt is null;

    /// <summary>Why a name cannot be a client's, or null when it can: 1 to 64 letters, digits, spaces, dots, hyphens and underscores.</summary>
    public static string? ProblemWithName(string? name) =>
        name is { Length: >= 1 and <= 64 } && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or '-' or '_')
            ? null
            : "A client's name is 1 to 64 letters, digits, spaces, dots, hyphens or underscores, starting with a letter or digit.";
}
