using MimeKit;

namespace QualityVoice.Email;

/// <summary>Sends one e-mail, or throws when it cannot (<see cref="EmailRefusedException"/> when it never will).</summary>
public interface IEmailSender
{
    /// <summary>Sends the message.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
