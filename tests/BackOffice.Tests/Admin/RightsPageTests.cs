using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using QualityVoice.BackOffice.Tests.Updates;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.Storage;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Admin;

/// <summary>
/// An administrator answers a person's subject access request and erases their feedback, by its reference: the copy
/// holds everything, erasure reaches every copy (updates, kept reports, e-mails in the pickup folder), both audited.
/// </summary>
public sealed class RightsPageTests(PublishingFactory backOffice) : IClassFixture<PublishingFactory>
{
    private const string Admin = "ig@example.nhs.uk";
    private const string Request = "Sam asked by email on 30 November; checked the reference and the address they gave";

    [Fact]
    public async Task A_copy_of_everything_held_then_erasure_of_every_copy()
    {
        var references = await backOffice.ImportAsync(
            new Sample("Dr Patel ignored me, ring me on 07700 900123") { ContactEmail = "sam@example.com", Redacted = "Dr [name] ignored me, ring me on [phone]" },
            new Sample("The wait was long") { ContactEmail = "alex@example.com" });
        var (sams, alexs) = (references[0], references[1]);
        var updates = backOffice.Services.GetRequiredService<IUpdateStore>();
        var now = backOffice.Clock.GetUtcNow();
        var slug = await updates.CreateAsync(
            "kinder-doctors", _ => false, new UpdateContent("Kinder doctors", "positive-experiences", null, "done", "You told us.", "We trained.", [], [], []), "engagement@example.nhs.uk", now, CancellationToken.None);
        await updates.LinkFeedbackAsync(slug, [sams, alexs], "engagement@example.nhs.uk", now, CancellationToken.None);
        var kept = backOffice.Services.GetRequiredService<IKeptReports>();
        await kept.AddAsync(
            new KeptReport("rights-test", KeptReportKind.ServiceReport, "Service quality report", now, Admin, $$$"""{"voices":[{"theme":"Staff","quote":{"reference":"{{{sams}}}","text":"Dr [name] ignored me","confidence":0.9}}]}"""),
            CancellationToken.None);
        await WriteEmailAsync("sam@example.com");
        await WriteEmailAsync("alex@example.com");

        var admin = await backOffice.SignInAsync(StaffRoles.Administrator, Admin);
        using (var nonsense = await admin.GetAsync(new Uri("/admin/rights?reference=hello", UriKind.Relative)))
        {
            await nonsense.ShouldBeAsync(HttpStatusCode.BadRequest);
            Assert.Contains("Enter a feedback reference", await nonsense.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var page = await admin.GetPageAsync($"/admin/rights?reference={sams.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)}");
        var held = page.QuerySelector("[data-testid=held]")!.TextContent;
        Assert.Contains("Yes, encrypted", held, StringComparison.Ordinal);
        Assert.Contains("Kinder doctors", held, StringComparison.Ordinal);

        using (var noRequest = await admin.SubmitAsync(page, [new("RequestDetails", "")], "main button[formaction*=Copy]"))
        {
            await noRequest.ShouldBeAsync(HttpStatusCode.BadRequest);
        }

        using (var download = await admin.SubmitAsync(page, [new("RequestDetails", Request)], "main button[formaction*=Copy]"))
        {
            await download.ShouldBeAsync(HttpStatusCode.OK);
            Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal($"{sams}-everything-held.json", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
            using var copy = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
            var feedback = copy.RootElement.GetProperty("feedback");
            Assert.Equal("Dr Patel ignored me, ring me on 07700 900123", feedback.GetProperty("whatCouldBeBetter").GetString());
            Assert.Equal("sam@example.com", feedback.GetProperty("emailAddress").GetString());
            Assert.Equal(["Kinder doctors"], copy.RootElement.GetProperty("updates").EnumerateArray().Select(update => update.GetString()));
            Assert.Contains("cannot be found or included", copy.RootElement.GetProperty("notHeld").GetString(), StringComparison.Ordinal);
        }

        using (var unconfirmed = await admin.SubmitAsync(page, [new("RequestDetails", Request), new("Confirm", alexs)], "main button[formaction*=Erase]"))
        {
            await unconfirmed.ShouldBeAsync(HttpStatusCode.BadRequest);
            Assert.Contains($"Type the reference {sams} again", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.NotNull(await backOffice.Services.GetRequiredService<IFeedbackStore>().FindAsync(sams, CancellationToken.None));
        using (var erased = await admin.SubmitAsync(page, [new("RequestDetails", Request), new("Confirm", sams)], "main button[formaction*=Erase]"))
        {
            await erased.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        var done = await admin.GetPageAsync("/admin/rights");
        Assert.Contains($"{sams} is erased", done.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await backOffice.Services.GetRequiredService<IFeedbackStore>().FindAsync(sams, CancellationToken.None));
        Assert.Empty(await updates.ForFeedbackAsync(sams, CancellationToken.None));
        Assert.Single(await updates.ForFeedbackAsync(alexs, CancellationToken.None));
        Assert.DoesNotContain(sams, (await kept.FindAsync("rights-test", CancellationToken.None))!.Figures, StringComparison.Ordinal);
        Assert.Equal(["alex@example.com"], await PickupRecipientsAsync());
        using (var gone = await admin.GetAsync(new Uri($"/inbox/{sams}", UriKind.Relative)))
        {
            await gone.ShouldBeAsync(HttpStatusCode.NotFound);
        }

        var (entries, _) = await backOffice.Services.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(Subject: sams), 50, CancellationToken.None);
        var copied = Assert.Single(entries, entry => entry.Entry.Action == AuditActions.SubjectAccess).Entry;
        Assert.Equal(Admin, copied.Actor);
        Assert.Contains(Request, copied.Detail, StringComparison.Ordinal);
        var erasure = Assert.Single(entries, entry => entry.Entry.Action == AuditActions.Erased).Entry;
        Assert.Contains("unlinked from 1 update; taken out of 1 kept report; 1 kept e-mail copy removed", erasure.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Patel", erasure.Detail, StringComparison.Ordinal);

        using var again = await admin.GetAsync(new Uri($"/admin/rights?reference={sams}", UriKind.Relative));
        await again.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains("it may have been erased already", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_act_on_people_s_rights()
    {
        var quality = await backOffice.SignInAsync(StaffRoles.QualityTeam);
        using var refused = await quality.GetAsync(new Uri("/admin/rights", UriKind.Relative));
        await refused.ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    private async Task WriteEmailAsync(string to)
    {
        Directory.CreateDirectory(backOffice.PickupDirectory);
        using var message = new MimeMessage([new MailboxAddress("QualityVoice", "noreply@example.nhs.uk")], [MailboxAddress.Parse(to)], "What changed", new TextPart("plain") { Text = "We made a change." });
        await message.WriteToAsync(Path.Combine(backOffice.PickupDirectory, $"{Guid.NewGuid():N}.eml"));
    }

    private async Task<IReadOnlyList<string>> PickupRecipientsAsync()
    {
        var recipients = new List<string>();
        foreach (var file in Directory.GetFiles(backOffice.PickupDirectory, "*.eml"))
        {
            using var message = await MimeMessage.LoadAsync(file);
            recipients.AddRange(message.To.Mailboxes.Select(mailbox => mailbox.Address));
        }

        return recipients;
    }
}
