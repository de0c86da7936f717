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
        var updates = _backOffice.Services.GetRequiredService<IUpdateStore>();
        var now = _backOffice.Clock.GetUtcNow();
        var slug = await updates.CreateAsync(
            "more-parking",
            _ => false,
            new UpdateContent("More parking at the hospital", "positive-experiences", null, "done", "You told us you could not park.", "We opened **200 more spaces**.", [], [], []),
            "engagement@example.nhs.uk",
            now,
            CancellationToken.None);
        await updates.LinkFeedbackAsync(slug, references, "engagement@example.nhs.uk", now, CancellationToken.None);
        await updates.SubmitForReviewAsync(slug, 1, "engagement@example.nhs.uk", now, CancellationToken.None);
        await updates.ApproveAsync(slug, 1, now, "quality@example.nhs.uk", now, CancellationToken.None);

        var (_, sent) = await _backOffice.Services.GetRequiredService<UpdatePublishingWorker>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, sent);
        var emails = await _mailDev.EmailsAsync();
        Assert.Equal(["alex@example.org", "sam@example.org"], emails.Select(email => email.GetProperty("to")[0].GetProperty("address").GetString()).Order());
        var first = emails[0];
        Assert.Equal("What we did about your feedback: More parking at the hospital", first.GetProperty("subject").GetString());
        Assert.Equal("no-reply@qualityvoice.local", first.GetProperty("from")[0].GetProperty("address").GetString());
        Assert.Contains($"https://feedback.example.nhs.uk/you-said-we-did/{slug}", first.GetProperty("text").GetString(), StringComparison.Ordinal);
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
