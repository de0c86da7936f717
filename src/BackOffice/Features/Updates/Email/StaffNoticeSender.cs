using Microsoft.Extensions.Options;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Content;
using QualityVoice.Email;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.BackOffice.Features.Updates.Email;

/// <summary>
/// Sends the queued e-mails to staff (<see cref="PublishingNotices"/>): tried again when a claim runs out, given up
/// after <see cref="UpdatePublishingWorker.MaxAttempts"/> tries. Logs hold counts only.
/// </summary>
public sealed partial class StaffNoticeSender(
    IStaffNotices notices,
    IEmailSender email,
    IContentSource content,
    IOptions<EmailOptions> emailOptions,
    IOptions<PublishingOptions> publishing,
    TimeProvider time,
    ILogger<StaffNoticeSender> logger) : RoundWorker(publishing, time, logger)
{
    /// <summary>Sends every e-mail owed; returns how many went.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var failed = 0;
        IReadOnlyList<QueuedStaffNotice> owed;
        do
        {
            owed = await notices.ClaimAsync(50, Time.GetUtcNow(), UpdatePublishingWorker.RetryAfter, cancellationToken);
            foreach (var queued in owed)
            {
                try
                {
                    using var message = PlainEmail.Compose(emailOptions.Value.From, content.Current.IcbName, queued.Notice.To, queued.Notice.Subject, queued.Notice.Body);
                    await email.SendAsync(message, cancellationToken);
                    if (!await notices.FinishAsync(queued, sent: true, Time.GetUtcNow(), cancellationToken))
                    {
                        Log.ClaimLost(logger, queued.Attempts);
                    }

                    sent++;
                }
                catch (Exception exception) when (PlainEmail.IsSendFailure(exception))
                {
                    failed++;
                    Log.SendFailed(logger, queued.Attempts, exception.GetType().Name);
                    if (PlainEmail.GivesUp(exception, queued.Attempts))
                    {
                        await notices.FinishAsync(queued, sent: false, Time.GetUtcNow(), cancellationToken);
                    }
                }
            }
        }
        while (owed.Count > 0 && !cancellationToken.IsCancellationRequested);

        if (sent + failed > 0)
        {
            Log.Round(logger, sent, failed);
        }

        return sent;
    }

    /// <inheritdoc />
    protected override Task RunRoundAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Staff e-mails: {Sent} sent, {Failed} not sent")]
        public static partial void Round(ILogger logger, int sent, int failed);

        [LoggerMessage(2, LogLevel.Warning, "An e-mail to staff could not be sent (try {Attempt}): {Error}")]
        public static partial void SendFailed(ILogger logger, int attempt, string error);

        [LoggerMessage(3, LogLevel.Warning, "An e-mail to staff was sent after its claim ran out (try {Attempt}): another sender claimed it meanwhile and records its own try, so it may have gone twice")]
        public static partial void ClaimLost(ILogger logger, int attempt);
    }
}
