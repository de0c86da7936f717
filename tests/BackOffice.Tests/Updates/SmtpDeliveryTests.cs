using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.BackOffice.Features.Updates;
using QualityVoice.Feedback.Publishing;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Updates;

/// <summary>
/// With <c>Email:Delivery=Smtp</c> the e-mails owed for a published update go to a real SMTP server: maildev on
/// loopback, read back through its REST API.
/// </summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private MailDev _mailDev = null!;
    private SmtpFactory _backOffice = null!;

    public async Task InitializeAsync()
    {
        _mailDev = await MailDev.StartAsync();
        _backOffice = new SmtpFactory(_mailDev.SmtpPort);
    }

    public async Task DisposeAsync()
    {
        await _backOffice.DisposeAsync();
        await _mailDev.DisposeAsync();
    }

    [Fact]
    public async Task The_people_who_left_an_address_get_an_email_through_smtp()
    {
        var references = await _backOffice.ImportAsync(
            new Sample("Parking was impossible") { ContactEmail = "sam@example.org" },
            new Sample("Could not park anywhere") { ContactEmail = "alex@example.org" },
            new Sample("The car park is full by nine"));
        var slug = await PublishAsync(_backOffice, references);

        var (_, sent) = await _backOffice.Services.GetRequiredService<UpdatePublishingWorker>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, sent);
        var emails = await _mailDev.EmailsAsync();
        Assert.Equal(["alex@example.org", "sam@example.org"], emails.Select(email => email.GetProperty("to")[0].GetProperty("address").GetString()).Order());
        var first = emails[0];
        Assert.Equal("What we did about your feedback: More parking at the hospital", first.GetProperty("subject").GetString());
        Assert.Equal("no-reply@qualityvoice.local", first.GetProperty("from")[0].GetProperty("address").GetString());
        Assert.Contains($"https://feedback.example.nhs.uk/you-said-we-did/{slug}", first.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_the_server_will_not_take_is_tried_again_later_and_given_up_after_five_tries()
    {
        // Nothing listens on this port: every send fails as an unreachable server does.
        await using var backOffice = new SmtpFactory(Repository.FreePort());
        var references = await backOffice.ImportAsync(new Sample("No parking") { ContactEmail = "sam@example.org" });
        var slug = await PublishAsync(backOffice, references);
        var worker = backOffice.Services.GetRequiredService<UpdatePublishingWorker>();
        var updates = backOffice.Services.GetRequiredService<IUpdateStore>();

        for (var attempt = 1; attempt <= UpdatePublishingWorker.MaxAttempts; attempt++)
        {
            Assert.Equal(0, (await worker.RunOnceAsync(CancellationToken.None)).Sent);
            var expected = attempt < UpdatePublishingWorker.MaxAttempts ? new UpdateEmails(0, 1, 0) : new UpdateEmails(0, 0, 1);
            Assert.Equal(expected, (await updates.GetAsync(slug, CancellationToken.None))!.Emails);

            // Not tried again until its claim runs out.
            Assert.Equal(0, (await worker.RunOnceAsync(CancellationToken.None)).Sent);
            backOffice.Clock.Advance(UpdatePublishingWorker.RetryAfter + TimeSpan.FromSeconds(1));
        }

        Assert.Equal(new UpdateEmails(0, 0, 1), (await updates.GetAsync(slug, CancellationToken.None))!.Emails);
    }

    [Fact]
    public async Task An_email_the_server_refuses_for_good_is_given_up_at_once_not_retried()
    {
        await using var server = new RefusingSmtpServer();
        await using var backOffice = new SmtpFactory(server.Port);
        var references = await backOffice.ImportAsync(new Sample("No parking at all") { ContactEmail = "nobody-here@example.org" });
        var slug = await PublishAsync(backOffice, references);

        Assert.Equal(0, (await backOffice.Services.GetRequiredService<UpdatePublishingWorker>().RunOnceAsync(CancellationToken.None)).Sent);

        Assert.Equal(1, server.Refused);
        Assert.Equal(new UpdateEmails(0, 0, 1), (await backOffice.Services.GetRequiredService<IUpdateStore>().GetAsync(slug, CancellationToken.None))!.Emails);
    }

    private static async Task<string> PublishAsync(PublishingFactory backOffice, IReadOnlyList<string> references)
    {
        var updates = backOffice.Services.GetRequiredService<IUpdateStore>();
        var now = backOffice.Clock.GetUtcNow();
        var slug = await updates.CreateAsync(
            "more-parking",
            _ => false,
            new UpdateContent("More parking at the hospital", "positive-experiences", null, "done", "You told us you could not park.", "We opened **200 more spaces**.", [], [], []),
            "engagement@example.nhs.uk",
            now,
            CancellationToken.None);
        await updates.LinkFeedbackAsync(slug, references, "engagement@example.nhs.uk", now, CancellationToken.None);
        await updates.SubmitForReviewAsync(slug, 1, "engagement@example.nhs.uk", now, CancellationToken.None);
        Assert.Equal(UpdateChangeOutcome.Done, await updates.ApproveAsync(slug, 1, now, "quality@example.nhs.uk", now, CancellationToken.None));
        return slug;
    }

    private sealed class SmtpFactory(int port) : PublishingFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(base.Settings)
        {
            ["Email:Delivery"] = "Smtp",
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["Email:EnableSsl"] = "false",
        };
    }
}
