using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tracking;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Intake;

public sealed class FeedbackIntakeTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _folder = new();
    private readonly ManualTimeProvider _time = new();
    private readonly PassphraseHasher _hasher = new(Enumerable.Repeat((byte)7, 32).ToArray());
    private readonly EphemeralDataProtectionProvider _protection = new();
    private SqliteDatabase _database = null!;
    private SqliteFeedbackStore _store = null!;
    private FeedbackIntake _intake = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(_folder.File("feedback.db"), SqliteFeedbackStore.Migrations);
        await _database.MigrateAsync();
        _store = new SqliteFeedbackStore(_database);
        _intake = new FeedbackIntake(_store, new ReferenceIssuer(_hasher, new SecureRandomSource()), _hasher, _protection, _time);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static NewFeedback Valid() => new(
        FeedbackKind.Carer, "other", "  Ward 12, Freeman Hospital ", FftRating.Poor,
        null, "  The discharge letter was late  ", new YearMonth(2026, 9), CollectionMode.Online);

    [Fact]
    public async Task Valid_feedback_is_stored_with_a_reference_and_a_passphrase_that_verifies()
    {
        var result = Assert.IsType<IntakeResult.Accepted>(await _intake.SubmitAsync(Valid(), null, CancellationToken.None));

        var item = await _store.FindAsync(result.Reference, CancellationToken.None);
        Assert.NotNull(item);
        Assert.Equal("Ward 12, Freeman Hospital", item.ServiceName);
        Assert.Equal("The discharge letter was late", item.WhatCouldImprove);
        Assert.Equal(_time.GetUtcNow(), item.SubmittedAt);
        Assert.NotNull(Passphrase.Normalise(result.Passphrase));
        Assert.False(result.Repeated);
    }

    [Fact]
    public async Task The_stored_item_carries_the_intake_span_for_the_analysis_to_link_to()
    {
        var spans = new System.Collections.Concurrent.ConcurrentQueue<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == Operations.QualityVoiceTelemetry.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        var result = Assert.IsType<IntakeResult.Accepted>(await _intake.SubmitAsync(Valid(), null, CancellationToken.None));

        var claimed = Assert.Single(await _store.ClaimForAnalysisAsync(10, "lease", _time.GetUtcNow(), TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.Equal(result.Reference, claimed.Reference);
        Assert.Contains(spans, span => span.OperationName == "intake.store" && span.Id == claimed.TraceParent);
    }

    [Fact]
    public async Task Each_problem_is_named_by_its_field()
    {
        var feedback = Valid() with
        {
            ServiceName = " ",
            WhatWasGood = new string('x', 5001),
            WhatCouldImprove = "bad\u0007",
            ExperienceMonth = new YearMonth(2027, 1),
            ContactEmail = "not an address",
        };

        var result = Assert.IsType<IntakeResult.Invalid>(await _intake.SubmitAsync(feedback, null, CancellationToken.None));

        Assert.Equal("Enter the name of the service", result.Errors["serviceName"]);
        Assert.Contains("5,000 characters", result.Errors["whatWasGood"], StringComparison.Ordinal);
        Assert.Contains("control character", result.Errors["whatCouldImprove"], StringComparison.Ordinal);
        Assert.Equal("The month of your care must be this month or in the past", result.Errors["month"]);
        Assert.StartsWith("Enter an email address", result.Errors["contactEmail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeat_with_the_same_key_gets_the_same_reference_and_passphrase()
    {
        var key = new IdempotencyKey("api", "abc-123");

        var first = Assert.IsType<IntakeResult.Accepted>(await _intake.SubmitAsync(Valid(), key, CancellationToken.None));
        var repeat = Assert.IsType<IntakeResult.Accepted>(await _intake.SubmitAsync(Valid(), key, CancellationToken.None));

        Assert.Equal(first.Reference, repeat.Reference);
        Assert.Equal(first.Passphrase, repeat.Passphrase);
        Assert.True(repeat.Repeated);
        Assert.Single(await _store.ListNewestAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task A_key_reused_for_a_different_request_is_refused()
    {
        var key = new IdempotencyKey("api", "abc-123");
        await _intake.SubmitAsync(Valid(), key, CancellationToken.None);

        var result = await _intake.SubmitAsync(Valid() with { FftRating = FftRating.VeryGood }, key, CancellationToken.None);

        Assert.IsType<IntakeResult.KeyReused>(result);
    }

    [Fact]
    public async Task The_same_key_from_another_client_is_a_different_submission()
    {
        var mine = Assert.IsType<IntakeResult.Accepted>(await _intake.SubmitAsync(Valid(), new IdempotencyKey("trust-a", "1"), CancellationToken.None));
        var theirs = Assert.IsType<IntakeResult.Accepted>(await _intake.SubmitAsync(Valid(), new IdempotencyKey("trust-b", "1"), CancellationToken.None));

        Assert.NotEqual(mine.Reference, theirs.Reference);
    }

    [Fact]
    public async Task A_contact_address_is_stored_encrypted_and_only_with_the_item()
    {
        var result = Assert.IsType<IntakeResult.Accepted>(
            await _intake.SubmitAsync(Valid() with { ContactEmail = "pat@example.com" }, null, CancellationToken.None));

        await using var connection = await _database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT contact_email FROM feedback_items WHERE reference = $reference;";
        command.Parameters.AddWithValue("$reference", result.Reference);
        var stored = (string)(await command.ExecuteScalarAsync())!;

        Assert.DoesNotContain("pat@example.com", stored, StringComparison.Ordinal);
        Assert.Equal("pat@example.com", _protection.CreateProtector(FeedbackIntake.ContactEmailPurpose).Unprotect(stored));
        Assert.True((await _store.FindAsync(result.Reference, CancellationToken.None))!.ConsentedToContact);
    }
}
