namespace QualityVoice.Portal.Features.Api;

/// <summary>What a person or integration gets back: the reference and passphrase to track it with.</summary>
/// <param name="Reference">The reference.</param>
/// <param name="Passphrase">The passphrase.</param>
public sealed record SubmissionReceipt(string Reference, string Passphrase);
