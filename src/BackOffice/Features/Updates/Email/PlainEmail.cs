using MimeKit;
using QualityVoice.Email;

namespace QualityVoice.BackOffice.Features.Updates.Email;

/// <summary>The back office's e-mails: plain text in UTF-8, from the ICB, lines ending CRLF as RFC 5322 asks.</summary>
public static class PlainEmail
{
    /// <summary>A message from <paramref name="icbName"/> at <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static MimeMessage Compose(string from, string icbName, string to, string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(icbName, from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = body };
        return message;
    }

    /// <summary>
    /// Whether a queued e-mail whose send failed with <paramref name="exception"/> on its <paramref name="attempts"/>th
    /// try is given up: the server refused it for good, or it has had <see cref="UpdatePublishingWorker.MaxAttempts"/> tries.
    /// </summary>
    public static bool GivesUp(Exception exception, int attempts) => exception is EmailRefusedException || attempts >= UpdatePublishingWorker.MaxAttempts;

    /// <summary>Whether an exception means this send failed (and may be tried again, unless it was refused for good).</summary>
    public static bool IsSendFailure(Exception exception) =>
        exception is EmailRefusedException or MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Security.AuthenticationException
            or System.Net.Sockets.SocketException or HttpRequestException or IOException or InvalidOperationException or NotSupportedException or FormatException or ParseException or TimeoutException;
}
