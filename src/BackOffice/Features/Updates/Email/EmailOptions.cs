using System.ComponentModel.DataAnnotations;
using QualityVoice.Email.Notify;

namespace QualityVoice.BackOffice.Features.Updates.Email;

/// <summary>
/// How e-mail leaves the back office (<c>Email</c>): by default each message is written as an <c>.eml</c> file to a
/// pickup folder under the data directory (for a mail server's pickup service, or to read them locally); with
/// <c>Delivery=Smtp</c> it is sent to an SMTP server, and with <c>Delivery=Notify</c> through GOV.UK Notify.
/// </summary>
public sealed class EmailOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Email";

    /// <summary><c>Pickup</c> (the default), <c>Smtp</c> or <c>Notify</c> (GOV.UK Notify, <see cref="Notify"/>).</summary>
    [RegularExpression("^(Pickup|Smtp|Notify)$", ErrorMessage = "Email:Delivery must be Pickup, Smtp or Notify.")]
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

    /// <summary>GOV.UK Notify's settings, when <see cref="Delivery"/> is <c>Notify</c>.</summary>
    public NotifyOptions Notify { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Delivery == "Notify")
        {
            foreach (var problem in Notify.Problems())
            {
                yield return new ValidationResult(problem, [nameof(Notify)]);
            }
        }

        if (Delivery == "Smtp" && string.IsNullOrWhiteSpace(SmtpHost))
        {
            yield return new ValidationResult("Email:Delivery is Smtp, so Email:SmtpHost must name the server.", [nameof(SmtpHost)]);
        }
    }
}
