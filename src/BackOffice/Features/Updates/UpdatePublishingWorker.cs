using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.BackOffice.Features.Updates.Email;
using QualityVoice.Content;
using QualityVoice.Email;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.BackOffice.Features.Updates;

/// <summary>
/// Puts scheduled updates live when their time comes, and sends the e-mails owed to people whose feedback a live
/// update answers: one e-mail per person per update, naming each of their references it answers. An e-mail that fails is tried again when its claim runs out, up to <see cref="MaxAttempts"/> times.
/// Logs hold counts only: never an address, a reference or anything anyone wrote.
/// </summary>
public sealed partial class UpdatePublishingWorker(
    IUpdateStore updates,
    IUpdateNotifications notifications,
    IEmailSender email,
    IDataProtectionProvider dataProtection,
    IContentSource content,
    IOptions<PublishingOptions> publishing,
    IOptions<EmailOptions> emailOptions,
    TimeProvider time,
    ILogger<UpdatePublishingWorker> logger) : RoundWorker(publishing, time, logger)
{
    /// <summary>How many times an e-mail is tried before it is given up.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The most e-mails of one update claimed at once.</summary>
    public const int ClaimSize = 500;

    /// <summary>How long a claimed e-mail waits before it can be tried again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _contactEmail = dataProtection.CreateProtector(FeedbackIntake.ContactEmailPurpose);

    /// <summary>One round: publishes what is due, then sends what is owed; returns how many were published and sent.</summary>
    public async Task<(int Published, int Sent)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var published = await updates.PublishDueAsync(Time.GetUtcNow(), cancellationToken);
        var sent = 0;
        var failed = 0;
        IReadOnlyList<UpdateNotification> owed;
        do
        {
            // One update's e-mails at a time, and one e-mail per person however many of their items it answers.
            owed = await notifications.ClaimAsync(ClaimSize, Time.GetUtcNow(), RetryAfter, cancellationToken);
            var readable = new List<(UpdateNotification Notification, string Address)>(owed.Count);
            foreach (var notification in owed)
            {
                if (Unprotect(notification) is { } address)
                {
                    readable.Add((notification, address));
                }
                else
                {
                    // The key that protected it is gone: it can never be read, so stop trying.
                    await notifications.GiveUpAsync(notification, Time.GetUtcNow(), cancellationToken);
                    failed++;
                }
            }

            foreach (var person in readable.GroupBy(owedTo => owedTo.Address, StringComparer.OrdinalIgnoreCase))
            {
                if (await SendAsync(person.Key, person.Select(owedTo => owedTo.Notification).ToArray(), cancellationToken))
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

        if (published + sent + failed > 0)
        {
            Log.Round(logger, published, sent, failed);
        }

        return (published, sent);
    }

    private string? Unprotect(UpdateNotification notification)
    {
        try
        {
            return _contactEmail.Unprotect(notification.ProtectedEmail);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private async Task<bool> SendAsync(string address, IReadOnlyList<UpdateNotification> owed, CancellationToken cancellationToken)
    {
        try
        {
            using var message = UpdateEmail.Compose(owed, address, emailOptions.Value.From, content.Current.IcbName, Publishing);
            await email.SendAsync(message, cancellationToken);
            foreach (var notification in owed)
            {
                if (!await notifications.MarkSentAsync(notification, Time.GetUtcNow(), cancellationToken))
                {
                    Log.ClaimLost(logger, notification.Attempts);
                }
            }

            return true;
        }
        catch (Exception exception) when (PlainEmail.IsSendFailure(exception))
        {
            var attempts = owed.Max(notification => notification.Attempts);
            Log.SendFailed(logger, attempts, exception.GetType().Name);
            if (PlainEmail.GivesUp(exception, attempts))
            {
                foreach (var notification in owed)
                {
                    await notifications.GiveUpAsync(notification, Time.GetUtcNow(), cancellationToken);
                }
            }

            return false;
        }
    }

    /// <inheritdoc />
    protected override Task RunRoundAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Updates: {Published} published as scheduled, {Sent} e-mails sent, {Failed} not sent")]
        public static partial void Round(ILogger logger, int published, int sent, int failed);

        [LoggerMessage(2, LogLevel.Warning, "An e-mail about an update could not be sent (try {Attempt}): {Error}")]
        public static partial void SendFailed(ILogger logger, int attempt, string error);

        [LoggerMessage(3, LogLevel.Warning, "An e-mail about an update was sent after its claim ran out (try {Attempt}): another sender claimed it meanwhile and records its own try, so it may have gone twice")]
        public static partial void ClaimLost(ILogger logger, int attempt);
    }
}
