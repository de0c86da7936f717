using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using QualityVoice.Email;
using QualityVoice.Feedback;

namespace QualityVoice.BackOffice.Features.Updates.Email;

/// <summary>
/// E-mail through MailKit (Microsoft advises it over <c>System.Net.Mail.SmtpClient</c>): by default each message is
/// written as an <c>.eml</c> file, readable by its owner only, to a pickup folder; with <c>Email:Delivery=Smtp</c> it
/// goes to the SMTP server over STARTTLS, which must be offered (a loopback test server may turn TLS off).
/// </summary>
public sealed class MailKitEmailSender(IOptions<EmailOptions> options, IConfiguration configuration) : IEmailSender
{
    /// <summary>The pickup folder in use, when delivery is by pickup folder.</summary>
    public string PickupDirectory { get; } =
        options.Value.PickupDirectory ?? Feedback.DataDirectory.Combine(configuration, "mail-pickup");

    /// <inheritdoc />
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Delivery != "Smtp")
        {
            await WriteToPickupAsync(message, cancellationToken);
            return;
        }

        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(
                settings.SmtpHost!, settings.SmtpPort, settings.EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500)
        {
            throw new EmailRefusedException($"The mail server refused the message for good ({(int)refused.StatusCode}).", refused);
        }
    }

    /// <summary>Writes the message where a mail server's pickup service (or a person) reads it, then renames it into place.</summary>
    private async Task WriteToPickupAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        PrivateFiles.CreateDirectory(PickupDirectory);
        var name = Path.Combine(PickupDirectory, $"{Guid.NewGuid():N}.eml");
        var temporary = name + ".tmp";
        await using (var file = PrivateFiles.CreateNew(temporary))
        {
            message.Prepare(EncodingConstraint.SevenBit);
            await message.WriteToAsync(file, cancellationToken);
            await file.FlushAsync(cancellationToken);
        }

        File.Move(temporary, name);
    }
}
