using Microsoft.Data.Sqlite;
using QualityVoice.Cli.Commands;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Integrations;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tracking;
using QualityVoice.TestSupport;

namespace QualityVoice.Cli.Tests;

public sealed class ApiClientsCommandTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _folder = new();
    private readonly ManualTimeProvider _time = new();
    private ApiClientRegistry _registry = null!;
    private SqliteApiClientStore _store = null!;
    private SqliteAuditLog _audit = null!;

    public async Task InitializeAsync()
    {
        var database = new SqliteDatabase(_folder.File("feedback.db"), SqliteFeedbackStore.Migrations);
        await database.MigrateAsync();
        _store = new SqliteApiClientStore(database);
        _registry = new ApiClientRegistry(_store, new PassphraseHasher(new byte[32]), new SecureRandomSource(), _time);
        var audit = new SqliteDatabase(_folder.File("audit.db"), SqliteAuditLog.Migrations);
        await audit.MigrateAsync();
        _audit = new SqliteAuditLog(audit);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_key_is_printed_once_listed_by_its_first_characters_and_revoked_all_in_the_audit_log()
    {
        using var added = new StringWriter();
        await ApiClientsCommand.RunAsync(["add", "--name", "acme-sms", "--requests-per-second", "100"], _registry, _audit, _time, added, CancellationToken.None);
        var key = added.ToString().Split('\n').Single(line => line.StartsWith("qv_", StringComparison.Ordinal)).Trim();

        using var listed = new StringWriter();
        await ApiClientsCommand.RunAsync(["list"], _registry, _audit, _time, listed, CancellationToken.None);
        using var revoked = new StringWriter();
        await ApiClientsCommand.RunAsync(["revoke", "--name", "acme-sms"], _registry, _audit, _time, revoked, CancellationToken.None);

        Assert.Contains($"acme-sms\t{key[..7]}…\t100 a second", listed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed.ToString(), StringComparison.Ordinal);
        Assert.Contains("revoked", revoked.ToString(), StringComparison.Ordinal);
        var (entries, _) = await _audit.ReadAsync(new AuditQuery(Action: AuditActions.ApiClient), 10);
        Assert.Equal(["Revoked its key", "Issued a key"], entries.Select(entry => entry.Entry.Detail.Split(" (")[0]));
        Assert.All(entries, entry => Assert.DoesNotContain(key, entry.Entry.Detail, StringComparison.Ordinal));
        Assert.False(Assert.Single(await _store.ListAsync(CancellationToken.None)).IsActive);
    }

    [Fact]
    public async Task A_taken_name_an_unknown_client_or_a_bad_rate_is_a_usage_error()
    {
        await ApiClientsCommand.RunAsync(["add", "--name", "kiosk"], _registry, _audit, _time, TextWriter.Null, CancellationToken.None);

        var taken = await Assert.ThrowsAsync<UsageException>(() => ApiClientsCommand.RunAsync(["add", "--name", "kiosk"], _registry, _audit, _time, TextWriter.Null, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<UsageException>(() => ApiClientsCommand.RunAsync(["revoke", "--name", "nobody"], _registry, _audit, _time, TextWriter.Null, CancellationToken.None));
        var rate = await Assert.ThrowsAsync<UsageException>(() => ApiClientsCommand.RunAsync(["add", "--name", "x", "--requests-per-second", "lots"], _registry, _audit, _time, TextWriter.Null, CancellationToken.None));

        Assert.Contains("already a client called 'kiosk'", taken.Message, StringComparison.Ordinal);
        Assert.Contains("no client called 'nobody'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("whole number", rate.Message, StringComparison.Ordinal);
    }
}
