using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MimeKit;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.BackOffice.Features.Updates;
using QualityVoice.BackOffice.Features.Updates.Email;
using QualityVoice.Content;
using QualityVoice.Email;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.Tracking;

namespace QualityVoice.BackOffice.Features.Items;

/// <summary>
/// Tells someone who left an e-mail address that the quality team has replied to their feedback: one e-mail per
/// reply, saying where to read it (/track, with their reference and passphrase), never the reply or what they wrote.
/// A failed send is tried again when its claim runs out, up to <see cref="UpdatePublishingWorker.MaxAttempts"/>
/// times. Logs hold counts only.
/// </summary>
public sealed partial class ReplyNotifier(
    IReplyNotifications notifications,
    IEmailSender email,
    IDataProtectionProvider dataProtection,
    IContentSource content,
    IOptions<PublishingOptions> publishing,
    IOptions<EmailOptions> emailOptions,
    TimeProvider time,
    ILogger<ReplyNotifier> logger) : RoundWorker(publishing, time, logger)
{
    private readonly IDataProtector _contactEmail = dataProtection.CreateProtector(FeedbackIntake.ContactEmailPurpose);

    /// <summary>Sends every e-mail owed; returns how many went.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var failed = 0;
        IReadOnlyList<ReplyNotification> owed;
        do
        {
            owed = await notifications.ClaimAsync(50, Time.GetUtcNow(), UpdatePublishingWorker.RetryAfter, cancellationToken);
            foreach (var notification in owed)
            {
                if (await SendAsync(notification, cancellationToken))
                {
                    sent++;
                }
                else
                {
                    failed++;
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

    private async Task<bool> SendAsync(ReplyNotification notification, CancellationToken cancellationToken)
    {
        string address;
        try
        {
            address = _contactEmail.Unprotect(notification.ProtectedEmail);
        }
        catch (CryptographicException)
        {
            await notifications.GiveUpAsync(notification, Time.GetUtcNow(), cancellationToken);
            return false;
        }

        try
        {
            using var message = Compose(notification, address);
            await email.SendAsync(message, cancellationToken);
            if (!await notifications.MarkSentAsync(notification, Time.GetUtcNow(), cancellationToken))
            {
                Log.ClaimLost(logger, notification.Attempts);
            }

            return true;
        }
        catch (Exception exception) when (PlainEmail.IsSendFailure(exception))
        {
            Log.SendFailed(logger, notification.Attempts, exception.GetType().Name);
            if (PlainEmail.GivesUp(exception, notification.Attempts))
            {
                await notifications.GiveUpAsync(notification, Time.GetUtcNow(), cancellationToken);
            }

            return false;
        }
    }

    private MimeMessage Compose(ReplyNotification notification, string to)
    {
        var icbName = content.Current.IcbName;
        var track = Publishing.PortalAddress("/track");
        var body = string.Join("\r\n", [
            "Hello,",
            string.Empty,
            $"Our quality team has replied to your feedback about {notification.ServiceName} (your reference is {notification.Reference}).",
            string.Empty,
            $"To read the reply, and answer it if you want to, go to {track} and enter your reference and passphrase.",
            "We do not put the reply in this e-mail, so that only you can read it.",
            string.Empty,
            icbName,
            string.Empty,
            "You are getting this e-mail because you asked us to contact you about your feedback. We will not use your address for anything else.",
            $"To stop these e-mails and delete your address, track your feedback at {track} and choose \"Stop e-mails\".",
            string.Empty,
        ]);
        return PlainEmail.Compose(emailOptions.Value.From, icbName, to, "We have replied to your feedback", body);
    }

    /// <inheritdoc />
    protected override Task RunRoundAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Replies: {Sent} e-mails sent, {Failed} not sent")]
        public static partial void Round(ILogger logger, int sent, int failed);

        [LoggerMessage(2, LogLevel.Warning, "An e-mail about a reply could not be sent (try {Attempt}): {Error}")]
        public static partial void SendFailed(ILogger logger, int attempt, string error);

        [LoggerMessage(3, LogLevel.Warning, "An e-mail about a reply was sent after its claim ran out (try {Attempt}): another sender claimed it meanwhile and records its own try, so it may have gone twice")]
        public static partial void ClaimLost(ILogger logger, int attempt);
    }
}
