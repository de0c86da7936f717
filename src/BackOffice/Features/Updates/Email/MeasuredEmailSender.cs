using MimeKit;
using QualityVoice.Email;
using QualityVoice.Feedback.Operations;

namespace QualityVoice.BackOffice.Features.Updates.Email;

/// <summary>Counts the e-mails the mail server took and those it did not (and whether for good), for every outbox alike.</summary>
public sealed class MeasuredEmailSender(IEmailSender inner) : IEmailSender
{
    /// <inheritdoc />
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await inner.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (PlainEmail.IsSendFailure(exception))
        {
            QualityVoiceTelemetry.EmailFailures.Add(1, new KeyValuePair<string, object?>("permanent", exception is EmailRefusedException));
            throw;
        }

        QualityVoiceTelemetry.EmailsSent.Add(1);
    }
}
