using System.ComponentModel.DataAnnotations;

namespace QualityVoice.BackOffice.Features.Updates.Email;

/// <summary>
/// How e-mail leaves the back office (<c>Email</c>): by default each message is written as an <c>.eml</c> file to a
/// pickup folder under the data directory (for a mail server's pickup service, or to read them locally); with
/// <c>Delivery=Smtp</c> it is sent to an SMTP server.
/// </summary>
public sealed class EmailOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Email";

    /// <summary><c>Pickup</c> (the default) or <c>Smtp</c>.</summary>
    [RegularExpression("^(Pickup|Smtp)$", ErrorMessage = "Email:Delivery must be Pickup or Smtp.")]
    public string Delivery { get; set; } = "Pickup";

    /// <summary>The pickup folder; by default <c>mail-pickup</c> under the data directory.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>The SMTP server's host name.</summary>
    public string? SmtpHost { get; set; }

    /// <summary>The SMTP server's port.</summary>
    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>Whether to use STARTTLS (on by default; a loopback test server may turn it off).</summary>
    public bool EnableSsl { get; set; } = true;

    /// <summary>The SMTP user name, if the server needs one.</summary>
    public string? UserName { get; set; }

    /// <summary>Its password (from a secret store, never from appsettings.json).</summary>
    public string? Password { get; set; }

    /// <summary>The sender's address.</summary>
    [Required]
    [EmailAddress]
    public string From { get; set; } = "no-reply@qualityvoice.local";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Delivery == "Smtp" && string.IsNullOrWhiteSpace(SmtpHost))
        {
            yield return new ValidationResult("Email:Delivery is Smtp, so Email:SmtpHost must name the server.", [nameof(SmtpHost)]);
        }
    }
}
