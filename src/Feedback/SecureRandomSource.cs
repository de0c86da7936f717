using System.Security.Cryptography;

namespace QualityVoice.Feedback;

/// <summary>Cryptographically secure randomness from the operating system.</summary>
public sealed class SecureRandomSource : IRandomSource
{
    /// <inheritdoc />
    public int Next(int maxExclusive) => RandomNumberGenerator.GetInt32(maxExclusive);
}
