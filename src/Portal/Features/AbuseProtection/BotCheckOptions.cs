using System.ComponentModel.DataAnnotations;

namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>The bot check's settings. Bound from the <c>BotCheck</c> section.</summary>
public sealed class BotCheckOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "BotCheck";

    /// <summary>Which check to use.</summary>
    public BotCheckMode Mode { get; set; } = BotCheckMode.ProofOfWork;

    /// <summary>A form filled in faster than this was filled in by a machine.</summary>
    public TimeSpan MinimumFillTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How many forms a client may send an hour without JavaScript (so without proof of work).</summary>
    [Range(1, 1000)]
    public int NoScriptSubmissionsPerHour { get; set; } = 10;

    /// <summary>The proof-of-work challenge.</summary>
    public ProofOfWorkOptions ProofOfWork { get; set; } = new();

    /// <summary>Google reCAPTCHA v3.</summary>
    public RecaptchaOptions Recaptcha { get; set; } = new();

    /// <summary>Set by the host: whether it runs in Production, where <see cref="BotCheckMode.Off"/> is refused.</summary>
    internal bool IsProduction { get; set; }

    /// <summary>Set by the host: whether the store is shared by several instances (Cosmos DB), so a secret on one instance's disk would not be the others'.</summary>
    internal bool IsSharedByInstances { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == BotCheckMode.Off && IsProduction)
        {
            yield return new ValidationResult("BotCheck:Mode=Off is not allowed in Production: choose ProofOfWork, Recaptcha or Honeypot.");
        }

        if (Mode == BotCheckMode.Recaptcha && (string.IsNullOrWhiteSpace(Recaptcha.SiteKey) || string.IsNullOrWhiteSpace(Recaptcha.SecretKey)))
        {
            yield return new ValidationResult("BotCheck:Mode=Recaptcha needs BotCheck:Recaptcha:SiteKey and BotCheck:Recaptcha:SecretKey.");
        }

        if (Mode == BotCheckMode.Recaptcha && Recaptcha.Hostnames.Count == 0)
        {
            yield return new ValidationResult("BotCheck:Mode=Recaptcha needs BotCheck:Recaptcha:Hostnames: the portal's host names, which Google's answer must name.");
        }

        if (Mode == BotCheckMode.ProofOfWork && IsProduction && IsSharedByInstances && string.IsNullOrWhiteSpace(ProofOfWork.Secret))
        {
            yield return new ValidationResult("BotCheck:ProofOfWork:Secret must be set (from Key Vault) in Production on Cosmos DB: a challenge made by one portal instance is checked by whichever instance the answer reaches.");
        }

        if (Mode == BotCheckMode.ProofOfWork && ProofOfWork.Algorithm is not ("SHA-256" or "PBKDF2/SHA-256"))
        {
            yield return new ValidationResult("BotCheck:ProofOfWork:Algorithm must be SHA-256 or PBKDF2/SHA-256.");
        }

        if (ProofOfWork.KeyPrefix.Length is 0 or > 8 || !ProofOfWork.KeyPrefix.All(Uri.IsHexDigit))
        {
            yield return new ValidationResult("BotCheck:ProofOfWork:KeyPrefix must be 1 to 8 hexadecimal digits.");
        }
    }
}

/// <summary>
/// The proof-of-work challenge, in the format of the <c>altcha</c> widget (v3): find a counter whose key,
/// derived from the challenge's nonce and salt, starts with <see cref="KeyPrefix"/>.
/// </summary>
public sealed class ProofOfWorkOptions
{
    /// <summary><c>PBKDF2/SHA-256</c> (the widget's default) or <c>SHA-256</c>.</summary>
    public string Algorithm { get; set; } = "PBKDF2/SHA-256";

    /// <summary>Iterations a try costs. With the default prefix a phone takes about a second.</summary>
    [Range(1, 1_000_000)]
    public int Cost { get; set; } = 2000;

    /// <summary>The hex prefix a solution's key must start with: each digit multiplies the work by 16.</summary>
    public string KeyPrefix { get; set; } = "00";

    /// <summary>How long a challenge can be used for.</summary>
    public TimeSpan ExpiresAfter { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>The secret that signs challenges, base64; by default a file in the data directory.</summary>
    public string? Secret { get; set; }
}

/// <summary>Google reCAPTCHA v3: verified server-side, since reCAPTCHA.AspNetCore is not available here.</summary>
public sealed class RecaptchaOptions
{
    /// <summary>The site key the page uses.</summary>
    public string? SiteKey { get; set; }

    /// <summary>The secret key the server verifies with.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Google's verification endpoint.</summary>
    [Url]
    public string VerifyUrl { get; set; } = "https://www.google.com/recaptcha/api/siteverify";

    /// <summary>The lowest score (0 = bot, 1 = human) that passes.</summary>
    [Range(0.0, 1.0)]
    public double ScoreThreshold { get; set; } = 0.5;

    /// <summary>
    /// The portal's host names: a token Google says was solved on any other site fails (someone else's page
    /// harvesting tokens with this site key).
    /// </summary>
    public IList<string> Hostnames { get; } = [];

    /// <summary>The action names the portal's forms use; a token for another action fails.</summary>
    public Dictionary<string, string> Actions { get; set; } = new()
    {
        ["feedback"] = "feedback",
        ["speak-up"] = "speak_up",
        ["api"] = "api",
    };
}
