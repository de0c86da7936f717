using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace QualityVoice.BackOffice.Features.Updates.Email;

/// <summary>
/// E-mail through <see cref="SmtpClient"/> (System.Net.Mail: MailKit is not available here): to a pickup folder by
/// default, or to the configured SMTP server.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, IConfiguration configuration) : IEmailSender
{
    /// <summary>The pickup folder in use, when delivery is by pickup folder.</summary>
    public string PickupDirectory { get; } =
        options.Value.PickupDirectory ?? Feedback.DataDirectory.Combine(configuration, "mail-pickup");

    /// <inheritdoc />
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        if (settings.Delivery == "Smtp")
        {
            client.Host = settings.SmtpHost!;
            client.Port = settings.SmtpPort;
            client.EnableSsl = settings.EnableSsl;
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
            }
        }
        else
        {
            Directory.CreateDirectory(PickupDirectory);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = Path.GetFullPath(PickupDirectory);
        }

        await client.SendMailAsync(message, cancellationToken);
    }
}
