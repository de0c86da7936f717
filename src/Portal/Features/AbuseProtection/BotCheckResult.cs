namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>The bot check's verdict, with a reason for the logs (never shown to the person).</summary>
/// <param name="Passed">Whether the submission may go ahead.</param>
/// <param name="Reason">Why it failed.</param>
public sealed record BotCheckResult(bool Passed, string? Reason = null)
{
    /// <summary>Passed.</summary>
    public static BotCheckResult Pass { get; } = new(true);

    /// <summary>Failed, for a reason.</summary>
    public static BotCheckResult Fail(string reason) => new(false, reason);
}
