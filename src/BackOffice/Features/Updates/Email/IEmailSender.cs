using System.Net.Mail;

namespace QualityVoice.BackOffice.Features.Updates.Email;

/// <summary>Sends one e-mail, or throws when it cannot.</summary>
public interface IEmailSender
{
    /// <summary>Sends the message.</summary>
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}
