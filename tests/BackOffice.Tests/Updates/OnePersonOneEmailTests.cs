using Microsoft.Extensions.DependencyInjection;
using QualityVoice.BackOffice.Features.Updates;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.BackOffice.Tests.Updates;

/// <summary>A person whose several items one update answers gets one e-mail naming them all, not one per item.</summary>
public sealed class OnePersonOneEmailTests(PublishingFactory backOffice) : IClassFixture<PublishingFactory>
{
    [Fact]
    public async Task One_e_mail_per_person_per_update_however_many_of_their_items_it_links()
    {
        var references = await backOffice.ImportAsync(
            new Sample("The wait was months") { ContactEmail = "sam@example.com" },
            new Sample("And again the next time") { ContactEmail = "Sam@Example.com", ServiceId = "rtd-maternity" },
            new Sample("Same for me") { ContactEmail = "alex@example.com" });
        var updates = backOffice.Services.GetRequiredService<IUpdateStore>();
        var now = backOffice.Clock.GetUtcNow();
        var slug = await updates.CreateAsync(
            "shorter-waits",
            _ => false,
            new UpdateContent("Shorter waits", "positive-experiences", null, "done", "You told us you waited.", "We added a clinic.", [], [], []),
            "engagement@example.nhs.uk",
            now,
            CancellationToken.None);
        await updates.LinkFeedbackAsync(slug, references, "engagement@example.nhs.uk", now, CancellationToken.None);
        await updates.SubmitForReviewAsync(slug, 1, "engagement@example.nhs.uk", now, CancellationToken.None);
        Assert.Equal(UpdateChangeOutcome.Done, await updates.ApproveAsync(slug, 1, now, "quality@example.nhs.uk", now, CancellationToken.None));

        var (_, sent) = await backOffice.Services.GetRequiredService<UpdatePublishingWorker>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, sent);
        var emails = new List<MimeKit.MimeMessage>();
        foreach (var file in Directory.GetFiles(backOffice.PickupDirectory, "*.eml"))
        {
            emails.Add(await MimeKit.MimeMessage.LoadAsync(file));
        }

        var sam = Assert.Single(emails, email => email.To.Mailboxes.Single().Address.Equals("sam@example.com", StringComparison.OrdinalIgnoreCase));
        Assert.Contains($"your references are {string.Join(", ", references.Take(2).Order(StringComparer.Ordinal))}", sam.TextBody, StringComparison.Ordinal);
        Assert.Single(emails, email => email.To.Mailboxes.Single().Address == "alex@example.com");
        foreach (var email in emails)
        {
            email.Dispose();
        }

        // Nothing is left to send: every item was marked sent.
        Assert.Equal((0, 0), await backOffice.Services.GetRequiredService<UpdatePublishingWorker>().RunOnceAsync(CancellationToken.None));
    }
}
