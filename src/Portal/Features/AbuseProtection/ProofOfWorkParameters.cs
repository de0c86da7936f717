namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>A challenge's parameters, named as the widget expects them.</summary>
/// <param name="Algorithm">The key derivation.</param>
/// <param name="Nonce">16 random bytes, hex.</param>
/// <param name="Salt">16 random bytes, hex.</param>
/// <param name="Cost">Iterations a try costs.</param>
/// <param name="KeyLength">Bytes of key derived.</param>
/// <param name="KeyPrefix">What the key must start with, hex.</param>
/// <param name="ExpiresAt">Unix seconds.</param>
public sealed record ProofOfWorkParameters(string Algorithm, string Nonce, string Salt, int Cost, int KeyLength, string KeyPrefix, long ExpiresAt);
