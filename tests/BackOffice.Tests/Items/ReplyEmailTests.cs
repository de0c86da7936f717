using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.BackOffice.Features.Items;
using QualityVoice.BackOffice.Tests.Updates;
using QualityVoice.Feedback.Storage;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Items;

/// <summary>Someone who left an address is e-mailed once for each reply the team publishes, and never sent the reply itself.</summary>
public sealed class ReplyEmailTests(PublishingFactory backOffice) : IClassFixture<PublishingFactory>
{
    [Fact]
    public async Task Each_reply_e_mails_the_person_once_with_where_to_read_it_and_not_what_it_says()
    {
        var references = await backOffice.ImportAsync(
            new Sample("Nobody told us when visiting was") { ContactEmail = "kim@example.com" },
            new Sample("The ward was noisy at night"));
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);
        var notifier = backOffice.Services.GetRequiredService<ReplyNotifier>();

        await ReplyAsync(browser, references[0], "Thank you. Visiting is now on the ward door.");
        await ReplyAsync(browser, references[1], "Thank you. We have asked the night team to keep it quiet.");
        Assert.Equal(1, await notifier.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await notifier.RunOnceAsync(CancellationToken.None));

        var email = Assert.Single(await EmailsAsync());
        Assert.Equal("kim@example.com", email.To.Mailboxes.Single().Address);
        Assert.Equal("We have replied to your feedback", email.Subject);
        Assert.Contains(references[0], email.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://feedback.example.nhs.uk/track", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("ward door", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("visiting was", email.TextBody, StringComparison.Ordinal);

        // Once they withdraw their address, a later reply queues nothing.
        Assert.True(await backOffice.Services.GetRequiredService<IFeedbackStore>().ForgetContactAsync(references[0], CancellationToken.None));
        await ReplyAsync(browser, references[0], "We have also put it on the website.");
        Assert.Equal(0, await notifier.RunOnceAsync(CancellationToken.None));
        Assert.Single(await EmailsAsync());
    }

    private static async Task ReplyAsync(HttpClient browser, string reference, string reply)
    {
        var page = await browser.GetPageAsync($"/inbox/{reference}");
        using var response = await browser.SubmitAsync(page, [new("Reply", reply)], "form[action*='handler=Reply']");
        await response.ShouldBeAsync(HttpStatusCode.Redirect);
    }

    private async Task<List<MimeKit.MimeMessage>> EmailsAsync()
    {
        var emails = new List<MimeKit.MimeMessage>();
        if (Directory.Exists(backOffice.PickupDirectory))
        {
            foreach (var file in Directory.GetFiles(backOffice.PickupDirectory, "*.eml"))
            {
                emails.Add(await MimeKit.MimeMessage.LoadAsync(file));
            }
        }

        return emails;
    }
}
