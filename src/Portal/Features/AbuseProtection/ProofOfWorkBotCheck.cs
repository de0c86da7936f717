namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>
/// The default bot check: the self-hosted proof of work the <c>altcha</c> widget solves in the browser. Nothing
/// is sent to a third party and nobody solves a puzzle; the widget is a labelled checkbox a screen reader can
/// use. Without JavaScript the honeypot and minimum fill time apply, within the no-script allowance.
/// </summary>
public sealed class ProofOfWorkBotCheck(ProofOfWorkChallenges challenges, HoneypotBotCheck honeypot, NoScriptAllowance noScript) : IBotCheck
{
    /// <inheritdoc />
    public BotCheckMode Mode => BotCheckMode.ProofOfWork;

    /// <inheritdoc />
    public async Task<BotCheckResult> VerifyAsync(BotCheckEvidence evidence, CancellationToken cancellationToken)
    {
        var trap = honeypot.CheckTraps(evidence);
        if (!trap.Passed)
        {
            return trap;
        }

        if (string.IsNullOrEmpty(evidence.Token))
        {
            return evidence.StartedAt is not null && noScript.TryTake(evidence.ClientKey)
                ? BotCheckResult.Pass
                : BotCheckResult.Fail("no proof of work, and no no-script allowance");
        }

        return await challenges.VerifyAsync(evidence.Token, cancellationToken);
    }
}
