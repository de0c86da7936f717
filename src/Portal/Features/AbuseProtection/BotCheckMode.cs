namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>Which bot check protects the portal's forms and public API.</summary>
public enum BotCheckMode
{
    /// <summary>
    /// The default: a self-hosted proof-of-work challenge solved by the <c>altcha</c> widget, verified here, so
    /// nothing goes to a third party and nobody has to solve a puzzle. Without JavaScript, the honeypot and
    /// minimum fill time apply instead, with a tighter allowance.
    /// </summary>
    ProofOfWork,

    /// <summary>Google reCAPTCHA v3, verified server-side against Google's siteverify endpoint.</summary>
    Recaptcha,

    /// <summary>A honeypot field and a minimum fill time only.</summary>
    Honeypot,

    /// <summary>No bot check. Refused at start-up in Production.</summary>
    Off,
}
