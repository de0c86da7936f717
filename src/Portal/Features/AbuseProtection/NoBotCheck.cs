namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>No bot check at all: for development and tests only; start-up refuses it in Production.</summary>
public sealed class NoBotCheck : IBotCheck
{
    /// <inheritdoc />
    public BotCheckMode Mode => BotCheckMode.Off;

    /// <inheritdoc />
    public Task<BotCheckResult> VerifyAsync(BotCheckEvidence evidence, CancellationToken cancellationToken) =>
        Task.FromResult(BotCheckResult.Pass);
}
