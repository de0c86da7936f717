namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>What a form's bot check partial needs to render.</summary>
/// <param name="Mode">The bot check in use.</param>
/// <param name="Action">Which form: feedback or speak-up.</param>
public sealed record BotCheckView(BotCheckMode Mode, string Action);
