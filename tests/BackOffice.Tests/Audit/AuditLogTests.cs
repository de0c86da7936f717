using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Hosting;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Audit;

public sealed class AuditLogTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Theory]
    [InlineData("UPDATE audit_log SET actor = 'someone-else@example.nhs.uk'")]
    [InlineData("DELETE FROM audit_log")]
    public async Task An_entry_once_written_cannot_be_changed_or_removed_even_with_the_database_open(string sql)
    {
        var log = backOffice.Services.GetRequiredService<IAuditLog>();
        var subject = sql[..6];
        await log.RecordAsync(new AuditEntry(TimeProvider.System.GetUtcNow(), "quality@example.nhs.uk", AuditActions.Viewed, subject, "Opened the item"));
        var database = backOffice.Services.GetRequiredKeyedService<SqliteDatabase>(AuditLogHostingExtensions.AuditDatabaseKey);

        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        var (entries, _) = await log.ReadAsync(new AuditQuery(Subject: subject), 10);
        Assert.Equal("quality@example.nhs.uk", Assert.Single(entries).Entry.Actor);
    }

    [Fact]
    public async Task Administrators_read_the_log_filtered_by_who_and_what()
    {
        var log = backOffice.Services.GetRequiredService<IAuditLog>();
        var now = TimeProvider.System.GetUtcNow();
        await log.RecordAsync(new AuditEntry(now, "reader@example.nhs.uk", AuditActions.ViewedOriginal, "QV-BBBB-BBBB", "Reason: complaint to the practice"));
        await log.RecordAsync(new AuditEntry(now, "reader@example.nhs.uk", AuditActions.Exported, "feedback.csv", "Filters: none"));
        await log.RecordAsync(new AuditEntry(now, "other@example.nhs.uk", AuditActions.Exported, "feedback.xlsx", "Filters: none"));
        var browser = await backOffice.SignInAsync(StaffRoles.Administrator);

        var page = await browser.GetPageAsync("/admin/audit?actor=reader%40example.nhs.uk&action=exported");

        var rows = page.QuerySelectorAll("main table tbody tr").Select(row => row.TextContent).ToArray();
        var row = Assert.Single(rows);
        Assert.Contains("feedback.csv", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/audit?before=abc")]
    [InlineData("/admin/audit?action=deleted")]
    public async Task A_filter_the_log_does_not_know_is_a_400(string path)
    {
        var browser = await backOffice.SignInAsync(StaffRoles.Administrator);

        using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));

        await response.ShouldBeAsync(System.Net.HttpStatusCode.BadRequest);
        Assert.NotEmpty((await response.ReadPageAsync()).ErrorSummary());
    }

    [Fact]
    public async Task Adding_an_account_leaves_a_trail_without_the_password()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.Administrator, "trail-admin@example.nhs.uk");
        var users = await browser.GetPageAsync("/admin/users");

        using var added = await browser.SubmitAsync(users, [new("Email", "new-starter@example.nhs.uk"), new("Password", "a long enough passphrase for work"), new("Role", StaffRoles.EngagementTeam)], "main form");

        await added.ShouldBeAsync(System.Net.HttpStatusCode.Redirect);
        var (entries, _) = await backOffice.Services.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(Actor: "trail-admin@example.nhs.uk"), 50);
        Assert.Contains(entries, entry => entry.Entry.Action == AuditActions.Account && entry.Entry.Subject == "new-starter@example.nhs.uk");
        Assert.DoesNotContain(entries, entry => entry.Entry.Detail.Contains("passphrase", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Entries_about_speak_up_cases_are_read_by_guardians_only()
    {
        var log = backOffice.Services.GetRequiredService<IAuditLog>();
        await log.RecordAsync(new AuditEntry(TimeProvider.System.GetUtcNow(), "guardian-log@example.nhs.uk", AuditActions.Viewed, "SU-ABCD-EFGH", "Opened the case, with who raised it"));
        await log.RecordAsync(new AuditEntry(TimeProvider.System.GetUtcNow(), "quality-log@example.nhs.uk", AuditActions.Viewed, "QV-ABCD-EFGH", "Opened the item"));
        var admin = await backOffice.SignInAsync(StaffRoles.Administrator, "log-admin@example.nhs.uk");
        var guardian = await backOffice.SignInAsync(StaffRoles.FtsuGuardian, "log-guardian@example.nhs.uk");

        var adminLog = (await admin.GetPageAsync("/admin/audit")).QuerySelector("main")!.TextContent;
        var guardianLog = (await guardian.GetPageAsync("/speak-up/audit")).QuerySelector("main")!.TextContent;
        using var adminAtSpeakUp = await admin.GetAsync(new Uri("/speak-up/audit", UriKind.Relative));
        using var guardianAtAdmin = await guardian.GetAsync(new Uri("/admin/audit", UriKind.Relative));

        Assert.Contains("QV-ABCD-EFGH", adminLog, StringComparison.Ordinal);
        Assert.DoesNotContain("SU-ABCD-EFGH", adminLog, StringComparison.Ordinal);
        Assert.DoesNotContain("with who raised it", adminLog, StringComparison.Ordinal);
        Assert.Contains("SU-ABCD-EFGH", guardianLog, StringComparison.Ordinal);
        Assert.DoesNotContain("QV-ABCD-EFGH", guardianLog, StringComparison.Ordinal);
        await adminAtSpeakUp.ShouldBeAsync(System.Net.HttpStatusCode.Forbidden);
        await guardianAtAdmin.ShouldBeAsync(System.Net.HttpStatusCode.Forbidden);
    }
}
