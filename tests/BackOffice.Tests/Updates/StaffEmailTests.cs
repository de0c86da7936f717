using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.BackOffice.Features.Updates.Email;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Updates;

/// <summary>Reviewers are told an update waits for them; its author is told it was sent back (and why) or approved.</summary>
public sealed class StaffEmailTests(PublishingFactory backOffice) : IClassFixture<PublishingFactory>
{
    private const string Author = "writer@example.nhs.uk";
    private const string Reviewer = "reviewer@example.nhs.uk";
    private const string Colleague = "colleague@example.nhs.uk";

    [Fact]
    public async Task Reviewers_hear_an_update_waits_and_its_author_hears_what_was_decided()
    {
        var author = await backOffice.SignInAsync(StaffRoles.EngagementTeam, Author);
        var reviewer = await backOffice.SignInAsync(StaffRoles.QualityTeam, Reviewer);
        await backOffice.CreateAccountAsync(Colleague, StaffRoles.EngagementTeam);
        var updates = backOffice.Services.GetRequiredService<IUpdateStore>();
        var slug = await updates.CreateAsync(
            "evening-clinics",
            _ => false,
            new UpdateContent("Evening clinics", "positive-experiences", null, "done", "You told us the wait was long.", "We opened evening clinics.", [], [], []),
            Author,
            backOffice.Clock.GetUtcNow(),
            CancellationToken.None);
        var sender = backOffice.Services.GetRequiredService<StaffNoticeSender>();

        await (await PostAsync(author, slug, "Submit")).ShouldBeAsync(HttpStatusCode.Redirect);
        await sender.RunOnceAsync(CancellationToken.None);
        var waiting = await EmailsAsync("An update waits for your review: Evening clinics");
        Assert.Equal([Colleague, Reviewer], waiting.Select(email => email.To).Order(StringComparer.Ordinal));
        Assert.Contains($"{Author} has sent", waiting[0].Body, StringComparison.Ordinal);
        Assert.Contains($"/updates/{slug}", waiting[0].Body, StringComparison.Ordinal);

        await (await PostAsync(reviewer, slug, "SendBack", ("Reason", "Say which clinics"))).ShouldBeAsync(HttpStatusCode.Redirect);
        await sender.RunOnceAsync(CancellationToken.None);
        var sentBack = Assert.Single(await EmailsAsync("Your update was sent back: Evening clinics"));
        Assert.Equal(Author, sentBack.To);
        Assert.Contains("What needs to change: Say which clinics", sentBack.Body, StringComparison.Ordinal);

        await (await PostAsync(author, slug, "Submit")).ShouldBeAsync(HttpStatusCode.Redirect);
        await (await PostAsync(reviewer, slug, "Approve", ("When", "now"))).ShouldBeAsync(HttpStatusCode.Redirect);
        await sender.RunOnceAsync(CancellationToken.None);
        var approved = Assert.Single(await EmailsAsync("Your update was approved: Evening clinics"));
        Assert.Equal(Author, approved.To);
        Assert.Contains("It is on the portal now", approved.Body, StringComparison.Ordinal);
        Assert.Equal(0, await sender.RunOnceAsync(CancellationToken.None));
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient browser, string slug, string handler, params (string Name, string Value)[] values)
    {
        var page = await browser.GetPageAsync($"/updates/{slug}");
        var version = (await backOffice.Services.GetRequiredService<IUpdateStore>().GetAsync(slug, CancellationToken.None))!.Version.ToString(CultureInfo.InvariantCulture);
        KeyValuePair<string, string>[] fields =
        [
            new("__RequestVerificationToken", page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value),
            new("Version", version),
            .. values.Select(pair => new KeyValuePair<string, string>(pair.Name, pair.Value)),
        ];
        return await browser.PostAsync(new Uri($"/updates/{slug}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private async Task<List<(string To, string Body)>> EmailsAsync(string subject)
    {
        var found = new List<(string, string)>();
        foreach (var file in Directory.Exists(backOffice.PickupDirectory) ? Directory.GetFiles(backOffice.PickupDirectory, "*.eml") : [])
        {
            using var message = await MimeKit.MimeMessage.LoadAsync(file);
            if (message.Subject == subject)
            {
                found.Add((message.To.Mailboxes.Single().Address, message.TextBody ?? string.Empty));
            }
        }

        return found;
    }
}
