using Microsoft.Extensions.Options;
using QualityVoice.BackOffice.Features.Updates.Email;
using QualityVoice.Email;
using QualityVoice.Email.Notify;

namespace QualityVoice.BackOffice.Features.Updates;

/// <summary>
/// Registers "you said, we did" publishing: its settings, e-mail, and the workers that publish and tell people
/// (people whose feedback an update answers or the team replied to, guardians of a request to appoint another
/// guardian, and the quality team of an urgent item nobody read in time).
/// </summary>
internal static class PublishingExtensions
{
    public static WebApplicationBuilder AddUpdatePublishing(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MailKitEmailSender>();
        builder.Services.AddSingleton<Feedback.Rights.ISentEmailCopies, PickupFolderCopies>();
        builder.Services.AddHttpClient(nameof(NotifyEmailSender), http => http.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddTransient(services => new NotifyEmailSender(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(NotifyEmailSender)),
            services.GetRequiredService<IOptions<EmailOptions>>().Value.Notify,
            services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<IEmailSender>(services => new MeasuredEmailSender(
            services.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery == "Notify"
                ? services.GetRequiredService<NotifyEmailSender>()
                : services.GetRequiredService<MailKitEmailSender>()));

        // Real e-mails must not send people to a loopback address: say so at start-up, not in their inbox.
        var portal = builder.Configuration.GetValue<Uri>($"{PublishingOptions.Section}:{nameof(PublishingOptions.PortalUrl)}") ?? new PublishingOptions().PortalUrl;
        if (builder.Environment.IsProduction() && builder.Configuration[$"{EmailOptions.Section}:{nameof(EmailOptions.Delivery)}"] == "Smtp" && portal.IsLoopback)
        {
            throw new InvalidOperationException($"Email:Delivery is Smtp in Production, so Publishing:PortalUrl must be the portal's public address (it is {portal}).");
        }


        // Every store keeps updates and the e-mail outboxes; every instance may run the workers, since each e-mail is claimed by
        // one sender and recorded only under its claim (Publishing:WorkerEnabled=false for an instance that only serves pages).
        var workers = builder.Configuration.GetValue($"{PublishingOptions.Section}:WorkerEnabled", defaultValue: true);
        builder.Services.AddSingleton<UpdatePublishingWorker>();
        builder.Services.AddSingleton<Appointments.RoleRequestAnnouncer>();
        builder.Services.AddSingleton<StaffNoticeSender>();
        builder.Services.AddSingleton<Items.ReplyNotifier>();
        builder.Services.AddSingleton<Inbox.OverdueUrgentAnnouncer>();
        if (workers)
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<UpdatePublishingWorker>());
            builder.Services.AddHostedService(services => services.GetRequiredService<Appointments.RoleRequestAnnouncer>());
            builder.Services.AddHostedService(services => services.GetRequiredService<StaffNoticeSender>());
            builder.Services.AddHostedService(services => services.GetRequiredService<Items.ReplyNotifier>());
            builder.Services.AddHostedService(services => services.GetRequiredService<Inbox.OverdueUrgentAnnouncer>());
        }

        return builder;
    }
}
