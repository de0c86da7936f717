using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using QualityVoice.Cli.Commands;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tracking;
using QualityVoice.TestSupport;

namespace QualityVoice.Cli.Tests;

public sealed class ExportCommandTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _folder = new();
    private SqliteFeedbackStore _store = null!;

    public async Task InitializeAsync()
    {
        var database = new SqliteDatabase(_folder.File("feedback.db"), SqliteFeedbackStore.Migrations);
        await database.MigrateAsync();
        _store = new SqliteFeedbackStore(database);
        var hasher = new PassphraseHasher(new byte[32]);
        var intake = new FeedbackIntake(_store, new ReferenceIssuer(hasher, new SecureRandomSource()), hasher, new EphemeralDataProtectionProvider(), new ManualTimeProvider());
        foreach (var text in new[] { "Dr Patel was kind, my number is 07700 900123", "The wait was long" })
        {
            await intake.SubmitAsync(new NewFeedback(FeedbackKind.Patient, "other", "Ward 1", FftRating.Good, null, text, null, CollectionMode.Online), null, CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Every_item_is_exported_once_with_its_text_redacted()
    {
        using var output = new StringWriter();

        await ExportCommand.RunAsync(Line("--format", "jsonl"), _store, output, CancellationToken.None);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("Dr [name] was kind, my number is [phone number]", first.RootElement.GetProperty("whatCouldImprove").GetString());
        Assert.Matches("^QV-", first.RootElement.GetProperty("reference").GetString());
        Assert.Equal("patient", first.RootElement.GetProperty("kind").GetString());
        Assert.Equal("other", first.RootElement.GetProperty("service").GetString());
        Assert.Equal("good", first.RootElement.GetProperty("fftRating").GetString());
        Assert.True(first.RootElement.TryGetProperty("submittedAt", out _));
        Assert.True(first.RootElement.TryGetProperty("analysis", out _));
        Assert.DoesNotContain("07700", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Include_pii_exports_the_text_as_given()
    {
        using var output = new StringWriter();

        await ExportCommand.RunAsync(Line("--format", "jsonl", "--include-pii"), _store, output, CancellationToken.None);

        Assert.Contains("Dr Patel was kind, my number is 07700 900123", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_jsonl_is_a_format()
    {
        var error = await Assert.ThrowsAsync<UsageException>(() => ExportCommand.RunAsync(Line("--format", "csv"), _store, TextWriter.Null, CancellationToken.None));

        Assert.Equal("--format must be jsonl.", error.Message);
    }

    private static CommandLine Line(params string[] args) => CommandLine.Parse(args, new HashSet<string> { "include-pii" });
}
