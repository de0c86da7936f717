namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>
/// A field people never see (so only machines fill it in) and a minimum time to fill the form in. Also the
/// first line of the other checks, and their fallback for people without JavaScript.
/// </summary>
public sealed class HoneypotBotCheck(BotCheckOptions options, TimeProvider time) : IBotCheck
{
    /// <summary>The honeypot field's name: one a form-filling bot finds tempting.</summary>
    public const string FieldName = "website";

    /// <inheritdoc />
    public BotCheckMode Mode => BotCheckMode.Honeypot;

    /// <inheritdoc />
    public Task<BotCheckResult> VerifyAsync(BotCheckEvidence evidence, CancellationToken cancellationToken) =>
        Task.FromResult(evidence.StartedAt is null
            ? BotCheckResult.Fail("the API has no form to time and no honeypot: it needs a token or an API key")
            : CheckTraps(evidence));

    /// <summary>
    /// The traps every check sets for a form: the honeypot must be empty and the form must have taken longer
    /// than a person needs. The API has neither, so nothing to check here.
    /// </summary>
    public BotCheckResult CheckTraps(BotCheckEvidence evidence)
    {
        if (!string.IsNullOrEmpty(evidence.Honeypot))
        {
            return BotCheckResult.Fail("honeypot filled in");
        }

        return evidence.StartedAt is { } started && time.GetUtcNow() - started < options.MinimumFillTime
            ? BotCheckResult.Fail("filled in faster than a person can")
            : BotCheckResult.Pass;
    }
}
