using Microsoft.Extensions.Options;
using MimeKit;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.BackOffice.Features.Updates;
using QualityVoice.BackOffice.Features.Updates.Email;
using QualityVoice.Content;
using QualityVoice.Email;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Triage;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Features.Inbox;

/// <summary>
/// Tells the quality team by e-mail of each urgent item whose 24 hours ran out with nobody recording that they read
/// it: once per item, marked told only when every member's e-mail went, so none is missed if the mail server is
/// away. The e-mail names the reference and the service, never what the person wrote. Logs hold counts only.
/// </summary>
public sealed partial class OverdueUrgentAnnouncer(
    IUrgentQueue queue,
    IServiceScopeFactory scopes,
    IEmailSender email,
    IContentSource content,
    IOptions<EmailOptions> emailOptions,
    IOptions<PublishingOptions> publishing,
    TimeProvider time,
    ILogger<OverdueUrgentAnnouncer> logger) : RoundWorker(publishing, time, logger)
{
    private const int Batch = 50;

    /// <summary>Tells the quality team of every overdue item not yet told of; returns how many items.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var overdue = await queue.OverdueUntoldAsync(now - UrgentResponse.Within, Batch, cancellationToken);
        if (overdue.Count == 0)
        {
            return 0;
        }

        IReadOnlyList<string> team;
        await using (var scope = scopes.CreateAsyncScope())
        {
            team = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().EmailsInRoleAsync(StaffRoles.QualityTeam);
        }

        if (team.Count == 0)
        {
            Log.NobodyToTell(logger, overdue.Count);
            return 0;
        }

        var told = 0;
        foreach (var item in overdue)
        {
            try
            {
                foreach (var member in team)
                {
                    using var message = Compose(item, member, now);
                    await email.SendAsync(message, cancellationToken);
                }

                await queue.MarkOverdueToldAsync(item.Reference, Time.GetUtcNow(), cancellationToken);
                told++;
            }
            catch (Exception exception) when (PlainEmail.IsSendFailure(exception))
            {
                Log.SendFailed(logger, exception.GetType().Name);
            }
        }

        Log.Told(logger, told, team.Count);
        return told;
    }

    private MimeMessage Compose(OverdueUrgentItem item, string to, DateTimeOffset now)
    {
        var late = UrgentClock.Describe(UrgentResponse.DueBy(item.UrgentSince) - now);
        string When(DateTimeOffset at) => UkTime.Of(at).ToString("d MMMM yyyy 'at' HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var what = item.ClockStart switch
        {
            UrgentClockStart.Marking =>
                $"{item.MarkedUrgent!.By} marked feedback {item.Reference} about {item.ServiceName} urgent ({item.MarkedUrgent.Reason}) on {When(item.UrgentSince)}, and nobody has recorded reading it since.",
            UrgentClockStart.UrgentAnswer =>
                $"The person who gave feedback {item.Reference} about {item.ServiceName} answered on /track on {When(item.UrgentSince)}, their answer reads as urgent, and nobody has recorded reading it.",
            _ => $"Urgent feedback {item.Reference} about {item.ServiceName} arrived on {When(item.SubmittedAt)}, and nobody has recorded reading it.",
        };
        var body = string.Join("\r\n", [
            "Hello,",
            string.Empty,
            what,
            $"It is {late.ToLowerInvariant()}: every urgent item must be read, and acted on, within 24 hours.",
            string.Empty,
            "Please open it, read it, act, and record what you did first:",
            Publishing.BackOfficeAddress($"/inbox/{item.Reference}"),
            string.Empty,
            "You are told because you are in the quality team. What the person wrote is not in this e-mail.",
            string.Empty,
            content.Current.IcbName,
            string.Empty,
        ]);
        return PlainEmail.Compose(emailOptions.Value.From, content.Current.IcbName, to, $"Urgent feedback {item.Reference} has waited more than 24 hours", body);
    }

    /// <inheritdoc />
    protected override Task RunRoundAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Overdue urgent items: {Items} told to {Members} members of the quality team")]
        public static partial void Told(ILogger logger, int items, int members);

        [LoggerMessage(2, LogLevel.Warning, "The quality team could not be told of an overdue urgent item: {Error}")]
        public static partial void SendFailed(ILogger logger, string error);

        [LoggerMessage(4, LogLevel.Warning, "{Items} urgent items are overdue, and no enabled account has the quality team role to tell")]
        public static partial void NobodyToTell(ILogger logger, int items);
    }
}
