namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>What a submission brings for the bot check to judge.</summary>
/// <param name="Action">Which form: <c>feedback</c>, <c>speak-up</c> or <c>api</c>.</param>
/// <param name="Token">The widget's payload (proof of work) or reCAPTCHA token, if any.</param>
/// <param name="Honeypot">The honeypot field's value: anything at all means a machine filled it in.</param>
/// <param name="StartedAt">When the form was first shown, from its tamper-proof draft; null for the API.</param>
/// <param name="ClientKey">The client's keyed hash (never its address), for the no-script allowance.</param>
public sealed record BotCheckEvidence(string Action, string? Token, string? Honeypot, DateTimeOffset? StartedAt, string ClientKey);
