namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>Decides whether a submission came from a person or a machine.</summary>
public interface IBotCheck
{
    /// <summary>Which check this is, so the form can show its widget.</summary>
    BotCheckMode Mode { get; }

    /// <summary>Judges a submission.</summary>
    Task<BotCheckResult> VerifyAsync(BotCheckEvidence evidence, CancellationToken cancellationToken);
}
