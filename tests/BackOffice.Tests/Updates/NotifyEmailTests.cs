using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using QualityVoice.BackOffice.Features.Updates.Email;
using QualityVoice.Email;
using QualityVoice.Email.Notify;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Updates;

/// <summary>
/// E-mail through GOV.UK Notify (against a loopback server that follows Notify's documented API): sent with a valid
/// token through the service's one template, refused for good when Notify says the address or key is wrong, and left
/// to be retried when Notify is busy or broken.
/// </summary>
public sealed class NotifyEmailTests : IAsyncLifetime
{
    private LoopbackNotify _notify = null!;
    private NotifyBackOffice _backOffice = null!;

    public async Task InitializeAsync()
    {
        _notify = await LoopbackNotify.StartAsync();
        _backOffice = new NotifyBackOffice(_notify);
    }

    public async Task DisposeAsync()
    {
        await _backOffice.DisposeAsync();
        await _notify.DisposeAsync();
    }

    [Fact]
    public async Task The_back_office_sends_through_Notify_with_its_subject_and_body_in_the_template()
    {
        var email = _backOffice.Services.GetRequiredService<IEmailSender>();

        await email.SendAsync(Message("patient@example.org"), CancellationToken.None);

        var (to, subject, body) = Assert.Single(_notify.Sent);
        Assert.Equal("patient@example.org", to);
        Assert.Equal("A reply to your feedback", subject);
        Assert.Equal("Thank you. We have added a second triage nurse in the evenings.", body);
    }

    [Fact]
    public async Task A_message_Notify_refuses_is_refused_for_good_and_one_it_cannot_take_now_is_left_to_retry()
    {
        var email = _backOffice.Services.GetRequiredService<IEmailSender>();

        var invalid = await Assert.ThrowsAsync<EmailRefusedException>(() => email.SendAsync(Message("not-an-address@localhost"), CancellationToken.None));
        _notify.FailNext(HttpStatusCode.TooManyRequests);
        var busy = await Assert.ThrowsAsync<HttpRequestException>(() => email.SendAsync(Message("patient@example.org"), CancellationToken.None));
        _notify.FailNext(HttpStatusCode.InternalServerError);
        var broken = await Assert.ThrowsAsync<HttpRequestException>(() => email.SendAsync(Message("patient@example.org"), CancellationToken.None));

        Assert.Contains("ValidationError", invalid.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-an-address", invalid.Message, StringComparison.Ordinal);
        Assert.True(PlainEmail.GivesUp(invalid, attempts: 1));
        Assert.Contains("RateLimitError", busy.Message, StringComparison.Ordinal);
        Assert.False(PlainEmail.GivesUp(busy, attempts: 1));
        Assert.True(PlainEmail.IsSendFailure(broken));
        Assert.False(PlainEmail.GivesUp(broken, attempts: 1));
        Assert.Empty(_notify.Sent);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_by_Notify_for_good_and_a_key_that_is_not_one_stops_start_up()
    {
        using var http = new HttpClient();
        var wrongSecret = new NotifyEmailSender(
            http,
            new NotifyOptions { BaseUrl = _notify.BaseUrl, ApiKey = $"other-{LoopbackNotify.ServiceId}-{Guid.NewGuid()}", TemplateId = LoopbackNotify.TemplateId },
            TimeProvider.System);

        var refused = await Assert.ThrowsAsync<EmailRefusedException>(() => wrongSecret.SendAsync(Message("patient@example.org"), CancellationToken.None));

        Assert.Contains("AuthError", refused.Message, StringComparison.Ordinal);
        await using var misconfigured = new NotifyBackOffice(_notify, apiKey: "not-a-key");
        var failure = Record.Exception(() => misconfigured.Services);
        Assert.Contains("Email:Notify:ApiKey must be a GOV.UK Notify API key", failure?.ToString() ?? "it started", StringComparison.Ordinal);
    }

    private static MimeMessage Message(string to)
    {
        var message = new MimeMessage { Subject = "A reply to your feedback", Body = new TextPart("plain") { Text = "Thank you. We have added a second triage nurse in the evenings." } };
        message.From.Add(MailboxAddress.Parse("no-reply@qualityvoice.local"));
        message.To.Add(new MailboxAddress(string.Empty, to));
        return message;
    }

    private sealed class NotifyBackOffice(LoopbackNotify notify, string apiKey = LoopbackNotify.ApiKey) : BackOfficeFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Email:Delivery"] = "Notify",
            ["Email:Notify:BaseUrl"] = notify.BaseUrl.ToString(),
            ["Email:Notify:ApiKey"] = apiKey,
            ["Email:Notify:TemplateId"] = LoopbackNotify.TemplateId,
        };
    }
}
