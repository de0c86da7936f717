using Microsoft.Extensions.Options;
using MimeKit;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.BackOffice.Features.Updates;
using QualityVoice.BackOffice.Features.Updates.Email;
using QualityVoice.Content;
using QualityVoice.Email;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Features.Appointments;

/// <summary>
/// Tells every guardian, by e-mail, of each request to make someone a Freedom to Speak Up guardian, however it was
/// made (the back office or <c>./qv users</c>): a request is marked told only once every guardian's e-mail went,
/// so none is missed if the mail server is away. Every instance runs it; each request is claimed by one at a time.
/// Logs hold counts only.
/// </summary>
public sealed partial class RoleRequestAnnouncer(
    IServiceScopeFactory scopes,
    IEmailSender email,
    IContentSource content,
    IOptions<EmailOptions> emailOptions,
    IOptions<PublishingOptions> publishing,
    TimeProvider time,
    ILogger<RoleRequestAnnouncer> logger) : RoundWorker(publishing, time, logger)
{
    /// <summary>Tells the guardians of every request not yet announced; returns how many requests were announced.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var requests = await accounts.UnannouncedRequestsAsync(cancellationToken);
        if (requests.Count == 0)
        {
            return 0;
        }

        var guardians = await accounts.GuardianEmailsAsync();
        var announced = 0;
        foreach (var request in requests)
        {
            if (!await accounts.TryClaimAnnouncementAsync(request.Id, cancellationToken))
            {
                // Another back-office instance is telling the guardians of this one.
                continue;
            }

            try
            {
                foreach (var guardian in guardians.Where(guardian => !RoleChangeRules.IsOwnAccount(guardian, request.Email)))
                {
                    using var message = Compose(request, guardian);
                    await email.SendAsync(message, cancellationToken);
                }

                await accounts.MarkAnnouncedAsync(request.Id, cancellationToken);
                announced++;
            }
            catch (Exception exception) when (PlainEmail.IsSendFailure(exception))
            {
                Log.SendFailed(logger, exception.GetType().Name);
            }
        }

        Log.Announced(logger, announced, guardians.Count);
        return announced;
    }

    private MimeMessage Compose(RoleRequest request, string to)
    {
        var body = string.Join("\r\n", [
            "Hello,",
            string.Empty,
            $"{request.RequestedBy} has asked for {request.Email} to be made a Freedom to Speak Up guardian in QualityVoice.",
            "A guardian can read every concern raised, and who raised the open and confidential ones.",
            string.Empty,
            "It takes effect only when another guardian or an administrator approves it, in the back office under \"Roles to approve\".",
            "If you did not expect this, decline it there and tell your Freedom to Speak Up lead.",
            string.Empty,
            content.Current.IcbName,
            string.Empty,
        ]);
        return PlainEmail.Compose(emailOptions.Value.From, content.Current.IcbName, to, $"Someone has asked for {request.Email} to be made a Freedom to Speak Up guardian", body);
    }

    /// <inheritdoc />
    protected override Task RunRoundAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Guardian roles: {Announced} requests announced to {Guardians} guardians")]
        public static partial void Announced(ILogger logger, int announced, int guardians);

        [LoggerMessage(2, LogLevel.Warning, "A guardian could not be told of a role request: {Error}")]
        public static partial void SendFailed(ILogger logger, string error);
    }
}
