namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>A challenge as the widget fetches it.</summary>
/// <param name="Parameters">What to solve.</param>
/// <param name="Signature">HMAC-SHA256 of the parameters' canonical JSON, hex.</param>
public sealed record ProofOfWorkChallenge(ProofOfWorkParameters Parameters, string Signature);
