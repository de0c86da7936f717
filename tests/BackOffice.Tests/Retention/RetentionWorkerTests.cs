using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using QualityVoice.BackOffice.Tests.Updates;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Retention;

namespace QualityVoice.BackOffice.Tests.Retention;

/// <summary>The back office's retention worker also removes the pickup folder's copies of e-mails older than the period, and audits it.</summary>
public sealed class RetentionWorkerTests(PublishingFactory backOffice) : IClassFixture<PublishingFactory>
{
    [Fact]
    public async Task Kept_copies_of_e_mails_older_than_the_period_go_with_the_original_words()
    {
        var now = backOffice.Clock.GetUtcNow();
        var old = await WriteEmailAsync("sam@example.com", now.AddMonths(-25));
        var recent = await WriteEmailAsync("alex@example.com", now.AddMonths(-1));

        await backOffice.Services.GetRequiredService<RetentionWorker>().ApplyAsync(CancellationToken.None);

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
        var (entries, _) = await backOffice.Services.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(Action: AuditActions.Retention), 10, CancellationToken.None);
        Assert.Contains(entries, entry => entry.Entry.Detail.StartsWith("Removed 1 kept e-mail copy written before", StringComparison.Ordinal));
    }

    private async Task<string> WriteEmailAsync(string to, DateTimeOffset writtenAt)
    {
        Directory.CreateDirectory(backOffice.PickupDirectory);
        var file = Path.Combine(backOffice.PickupDirectory, $"{Guid.NewGuid():N}.eml");
        using (var message = new MimeMessage([new MailboxAddress("QualityVoice", "noreply@example.nhs.uk")], [MailboxAddress.Parse(to)], "What changed", new TextPart("plain") { Text = "We made a change." }))
        {
            await message.WriteToAsync(file);
        }

        File.SetLastWriteTimeUtc(file, writtenAt.UtcDateTime);
        return file;
    }
}
