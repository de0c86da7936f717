using QualityVoice.Feedback.Outbox;
using QualityVoice.Feedback.Storage;

namespace QualityVoice.Feedback.Tests.Storage;

/// <summary>
/// What every feedback store must do, run against each provider: SQLite always, Cosmos DB against a
/// protocol peer on loopback (and a real account when COSMOS_ENDPOINT is set).
/// </summary>
public abstract class FeedbackStoreContract
{
    /// <summary>A new, empty store.</summary>
    protected abstract Task<IFeedbackStore> CreateStoreAsync();

    [Fact]
    public async Task A_stored_item_is_found_by_its_reference_exactly_as_given()
    {
        var store = await CreateStoreAsync();
        var record = FeedbackRecords.Record(feedback: FeedbackRecords.Feedback("Wait 😊 كانت\r\n<b>bold</b>"));

        var result = await store.AddAsync(record, CancellationToken.None);
        var item = await store.FindAsync(record.Reference, CancellationToken.None);

        Assert.Equal(AddOutcome.Stored, result.Outcome);
        Assert.NotNull(item);
        Assert.Equal(record.Reference, item.Reference);
        Assert.Equal("Wait 😊 كانت\r\n<b>bold</b>", item.WhatCouldImprove);
        Assert.Equal("Kind staff", item.WhatWasGood);
        Assert.Equal(FftRating.Good, item.FftRating);
        Assert.Equal(new YearMonth(2026, 10), item.ExperienceMonth);
        Assert.Equal(record.SubmittedAt, item.SubmittedAt);
        Assert.Equal(TriageStatus.New, item.Status);
    }

    [Fact]
    public async Task An_unknown_reference_finds_nothing()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.FindAsync("QV-2222-2222", CancellationToken.None));
    }

    [Fact]
    public async Task Submit_is_idempotent_when_the_same_key_is_repeated()
    {
        var store = await CreateStoreAsync();
        var first = FeedbackRecords.Record(idempotencyKey: "key-1");
        var repeat = FeedbackRecords.Record(idempotencyKey: "key-1");

        await store.AddAsync(first, CancellationToken.None);
        var result = await store.AddAsync(repeat, CancellationToken.None);

        Assert.Equal(AddOutcome.Repeated, result.Outcome);
        Assert.Equal(first.Reference, result.Reference);
        Assert.Equal(first.RequestFingerprint, result.RequestFingerprint);
        Assert.Null(await store.FindAsync(repeat.Reference, CancellationToken.None));
    }

    [Fact]
    public async Task Racing_repeats_of_one_key_store_exactly_one_item()
    {
        var store = await CreateStoreAsync();
        var records = Enumerable.Range(0, 20).Select(_ => FeedbackRecords.Record(idempotencyKey: "racing")).ToArray();

        var results = await Task.WhenAll(records.Select(record => store.AddAsync(record, CancellationToken.None)));

        Assert.Single(results, result => result.Outcome == AddOutcome.Stored);
        Assert.Single(results.Select(result => result.Reference).Distinct());
        Assert.Single(records, record => store.FindAsync(record.Reference, CancellationToken.None).Result is not null);
    }

    [Fact]
    public async Task A_reference_already_in_use_is_reported_so_another_can_be_made()
    {
        var store = await CreateStoreAsync();
        var first = FeedbackRecords.Record();

        await store.AddAsync(first, CancellationToken.None);
        var clash = await store.AddAsync(FeedbackRecords.Record(reference: first.Reference), CancellationToken.None);

        Assert.Equal(AddOutcome.ReferenceTaken, clash.Outcome);
    }

    [Fact]
    public async Task The_newest_items_come_first()
    {
        var store = await CreateStoreAsync();
        var start = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var records = Enumerable.Range(0, 5).Select(i => FeedbackRecords.Record(submittedAt: start.AddMinutes(i))).ToArray();
        foreach (var record in records)
        {
            await store.AddAsync(record, CancellationToken.None);
        }

        var newest = await store.ListNewestAsync(3, CancellationToken.None);

        Assert.Equal(records.Reverse().Take(3).Select(record => record.Reference), newest.Select(item => item.Reference));
    }

    [Fact]
    public async Task A_person_who_withdraws_consent_has_their_address_deleted()
    {
        var store = await CreateStoreAsync();
        var record = FeedbackRecords.Record() with { ProtectedContactEmail = "ciphertext" };
        await store.AddAsync(record, CancellationToken.None);
        Assert.True((await store.FindForTrackingAsync(record.Reference, CancellationToken.None))!.Value.Item.CanContact);

        Assert.True(await store.ForgetContactAsync(record.Reference, CancellationToken.None));

        Assert.False((await store.FindForTrackingAsync(record.Reference, CancellationToken.None))!.Value.Item.CanContact);
        Assert.False((await store.FindAsync(record.Reference, CancellationToken.None))!.ConsentedToContact);
        Assert.False(await store.ForgetContactAsync(record.Reference, CancellationToken.None));
        Assert.False(await store.ForgetContactAsync(FeedbackRecords.NextReference(), CancellationToken.None));
    }

    [Fact]
    public async Task Tracking_finds_the_status_and_the_passphrase_hash()
    {
        var store = await CreateStoreAsync();
        var record = FeedbackRecords.Record() with { PassphraseHash = [9, 8, 7] };
        await store.AddAsync(record, CancellationToken.None);

        var found = await store.FindForTrackingAsync(record.Reference, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(TriageStatus.New, found.Value.Item.Status);
        Assert.Equal("Royal Victoria Infirmary – A&E", found.Value.Item.ServiceName);
        Assert.Equal(new byte[] { 9, 8, 7 }, found.Value.PassphraseHash);
        Assert.Null(await store.FindForTrackingAsync(FeedbackRecords.NextReference(), CancellationToken.None));
    }

    [Fact]
    public async Task New_items_wait_for_analysis_and_a_claim_leases_them_to_one_worker()
    {
        var store = await CreateStoreAsync();
        var record = FeedbackRecords.Record() with { TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" };
        await store.AddAsync(record, CancellationToken.None);

        var first = await store.ClaimForAnalysisAsync(10, "worker-a", Now, Lease, CancellationToken.None);
        var second = await store.ClaimForAnalysisAsync(10, "worker-b", Now.AddSeconds(1), Lease, CancellationToken.None);

        var claimed = Assert.Single(first);
        Assert.Equal(record.Reference, claimed.Reference);
        Assert.Equal("The wait was long", claimed.WhatCouldImprove);
        Assert.Equal(1, claimed.Attempts);
        Assert.Equal(record.TraceParent, claimed.TraceParent);
        Assert.Empty(second);
        Assert.Equal(1, (await store.ReadAnalysisBacklogAsync(CancellationToken.None)).Waiting);
    }

    [Fact]
    public async Task A_lease_that_runs_out_lets_another_worker_claim_and_the_first_can_no_longer_save()
    {
        var store = await CreateStoreAsync();
        var record = FeedbackRecords.Record();
        await store.AddAsync(record, CancellationToken.None);

        await store.ClaimForAnalysisAsync(10, "worker-a", Now, Lease, CancellationToken.None);
        var retaken = await store.ClaimForAnalysisAsync(10, "worker-b", Now + Lease + TimeSpan.FromSeconds(1), Lease, CancellationToken.None);
        var staleSave = await store.SaveAnalysesAsync("worker-a", [new(record.Reference, Analysis("v1"))], CancellationToken.None) == 1;
        var save = await store.SaveAnalysesAsync("worker-b", [new(record.Reference, Analysis("v1"))], CancellationToken.None) == 1;

        Assert.Equal(2, Assert.Single(retaken).Attempts);
        Assert.False(staleSave);
        Assert.True(save);
        var item = await store.FindAsync(record.Reference, CancellationToken.None);
        Assert.Equal(AnalysisState.Done, item!.AnalysisState);
        Assert.Equal("The wait was [redacted]", item.Analysis!.RedactedWhatCouldImprove);
        Assert.Equal(["Timeliness of care"], item.Analysis.Themes.Select(theme => theme.Name));
        Assert.Equal(0, (await store.ReadAnalysisBacklogAsync(CancellationToken.None)).Waiting);
        Assert.Empty(await store.ClaimForAnalysisAsync(10, "worker-c", Now.AddHours(1), Lease, CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_analysis_is_left_alone_until_requeued()
    {
        var store = await CreateStoreAsync();
        var record = FeedbackRecords.Record();
        await store.AddAsync(record, CancellationToken.None);

        await store.ClaimForAnalysisAsync(10, "worker-a", Now, Lease, CancellationToken.None);
        await store.MarkAnalysisFailedAsync(record.Reference, "worker-a", CancellationToken.None);

        Assert.Equal(AnalysisState.Failed, (await store.FindAsync(record.Reference, CancellationToken.None))!.AnalysisState);
        Assert.Empty(await store.ClaimForAnalysisAsync(10, "worker-b", Now.AddHours(1), Lease, CancellationToken.None));
        Assert.Equal(1, await store.RequeueForAnalysisAsync("v1", Now, CancellationToken.None));
        Assert.Single(await store.ClaimForAnalysisAsync(10, "worker-b", Now.AddHours(1), Lease, CancellationToken.None));
    }

    [Fact]
    public async Task Requeueing_for_a_new_model_queues_only_what_an_older_model_analysed()
    {
        var store = await CreateStoreAsync();
        var old = FeedbackRecords.Record();
        var current = FeedbackRecords.Record();
        foreach (var (record, version) in new[] { (old, "v1"), (current, "v2") })
        {
            await store.AddAsync(record, CancellationToken.None);
            await store.ClaimForAnalysisAsync(10, "worker", Now, Lease, CancellationToken.None);
            Assert.Equal(1, await store.SaveAnalysesAsync("worker", [new(record.Reference, Analysis(version))], CancellationToken.None));
        }

        var requeued = await store.RequeueForAnalysisAsync("v2", Now, CancellationToken.None);

        Assert.Equal(1, requeued);
        Assert.Equal(old.Reference, Assert.Single(await store.ClaimForAnalysisAsync(10, "worker", Now, Lease, CancellationToken.None)).Reference);
    }

    [Fact]
    public async Task The_backlog_says_how_many_wait_and_since_when_the_longest_has_counting_an_import_from_when_it_came_in()
    {
        var store = await CreateStoreAsync();
        Assert.Equal(AnalysisBacklog.Empty, await store.ReadAnalysisBacklogAsync(CancellationToken.None));

        // Given to a provider in September, imported now: it has waited since it came in, not since September.
        var imported = FeedbackRecords.Record(submittedAt: Now.AddMonths(-2)) with { ReceivedAt = Now.AddMinutes(-5) };
        var submitted = FeedbackRecords.Record(submittedAt: Now.AddMinutes(-20));
        var analysed = FeedbackRecords.Record(submittedAt: Now.AddHours(-3));
        await store.AddAsync(analysed, CancellationToken.None);
        await store.ClaimForAnalysisAsync(10, "worker", Now.AddHours(-3), Lease, CancellationToken.None);
        Assert.Equal(1, await store.SaveAnalysesAsync("worker", [new(analysed.Reference, Analysis("v1"))], CancellationToken.None));
        await store.AddAsync(imported, CancellationToken.None);
        await store.AddAsync(submitted, CancellationToken.None);

        var backlog = await store.ReadAnalysisBacklogAsync(CancellationToken.None);
        Assert.Equal(new AnalysisBacklog(2, Now.AddMinutes(-20)), backlog);
        Assert.Equal(TimeSpan.FromMinutes(20), backlog.OldestWait(Now));

        // Queued again for a new model: it waits from then.
        await store.ClaimForAnalysisAsync(10, "worker", Now, Lease, CancellationToken.None);
        Assert.Equal(2, await store.SaveAnalysesAsync("worker", [new(imported.Reference, Analysis("v2")), new(submitted.Reference, Analysis("v2"))], CancellationToken.None));
        Assert.Equal(1, await store.RequeueForAnalysisAsync("v2", Now.AddMinutes(1), CancellationToken.None));
        Assert.Equal(new AnalysisBacklog(1, Now.AddMinutes(1)), await store.ReadAnalysisBacklogAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reading_everything_returns_each_item_once_oldest_first_across_months()
    {
        var store = await CreateStoreAsync();
        var records = new[]
        {
            FeedbackRecords.Record(submittedAt: new DateTimeOffset(2026, 9, 30, 23, 0, 0, TimeSpan.Zero)),
            FeedbackRecords.Record(submittedAt: new DateTimeOffset(2026, 10, 2, 8, 0, 0, TimeSpan.Zero)),
            FeedbackRecords.Record(submittedAt: new DateTimeOffset(2026, 11, 5, 8, 0, 0, TimeSpan.Zero)),
        };
        foreach (var record in records.Reverse())
        {
            await store.AddAsync(record, CancellationToken.None);
        }

        var all = new List<string>();
        await foreach (var item in store.ReadAllAsync(CancellationToken.None))
        {
            all.Add(item.Reference);
        }

        var newest = await store.ListNewestAsync(2, CancellationToken.None);

        Assert.Equal(records.OrderBy(record => record.SubmittedAt).Select(record => record.Reference).Order(), all.Order());
        Assert.Equal(records.Reverse().Take(2).Select(record => record.Reference), newest.Select(item => item.Reference));
    }

    [Fact]
    public async Task A_batch_is_stored_with_analysis_pending_and_a_row_seen_before_writes_nothing()
    {
        var store = await CreateStoreAsync();
        var earlier = FeedbackRecords.Record(idempotencyKey: "import:supplier\nrow-1", submittedAt: new DateTimeOffset(2025, 3, 4, 12, 0, 0, TimeSpan.Zero));
        await store.AddBatchAsync([earlier], CancellationToken.None);
        var batch = new[]
        {
            FeedbackRecords.Record(idempotencyKey: "import:supplier\nrow-1"),
            FeedbackRecords.Record(idempotencyKey: "import:supplier\nrow-2", submittedAt: new DateTimeOffset(2025, 3, 5, 12, 0, 0, TimeSpan.Zero)),
            FeedbackRecords.Record(idempotencyKey: "import:supplier\nrow-3"),
        };

        var results = await store.AddBatchAsync(batch, CancellationToken.None);

        Assert.Equal([AddOutcome.Repeated, AddOutcome.Stored, AddOutcome.Stored], results.Select(result => result.Outcome));
        Assert.Equal(earlier.Reference, results[0].Reference);
        Assert.Equal(3, (await store.ReadAnalysisBacklogAsync(CancellationToken.None)).Waiting);
        var stored = await store.FindAsync(batch[1].Reference, CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2025, 3, 5, 12, 0, 0, TimeSpan.Zero), stored?.SubmittedAt);
        Assert.Equal(AnalysisState.Pending, stored?.AnalysisState);
        Assert.Null(await store.FindAsync(batch[0].Reference, CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_writer_stores_every_batch_it_is_given_and_a_second_run_of_the_same_rows_writes_nothing()
    {
        var store = await CreateStoreAsync();
        var rows = Enumerable.Range(1, 5).Select(row => FeedbackRecords.Record(idempotencyKey: $"import:supplier\nrow-{row}")).ToArray();

        // Two rows a transaction: the first batch fills one, the second overfills the next, the last is committed at the end.
        IReadOnlyList<AddResult>[] first;
        await using (var writer = await store.OpenBatchWriterAsync(rowsPerTransaction: 2, CancellationToken.None))
        {
            first = [await writer.AddAsync(rows[..2], CancellationToken.None), await writer.AddAsync(rows[2..5], CancellationToken.None)];
            await writer.CommitAsync(CancellationToken.None);
        }

        IReadOnlyList<AddResult> again;
        await using (var writer = await store.OpenBatchWriterAsync(rowsPerTransaction: 100, CancellationToken.None))
        {
            again = await writer.AddAsync([.. rows.Select(row => row with { Reference = FeedbackReference.Create(FeedbackReference.FeedbackPrefix, new SecureRandomSource()) })], CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        Assert.All(first.SelectMany(results => results), result => Assert.Equal(AddOutcome.Stored, result.Outcome));
        Assert.Equal(rows.Select(row => row.Reference), again.Select(result => result.Reference));
        Assert.All(again, result => Assert.Equal(AddOutcome.Repeated, result.Outcome));
        Assert.Equal(5, (await store.ReadAnalysisBacklogAsync(CancellationToken.None)).Waiting);
    }

    private static DateTimeOffset Now { get; } = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static TimeSpan Lease { get; } = TimeSpan.FromMinutes(2);

    private static FeedbackAnalysis Analysis(string version) => new(
        QualityVoice.Analysis.Sentiment.Negative,
        -0.6,
        [new QualityVoice.Analysis.ThemePrediction("Timeliness of care", 0.8)],
        ["patient-safety"],
        ["Safe"],
        "Kind staff",
        "The wait was [redacted]",
        [new FieldPii("whatCouldImprove", "name", 13, 4)],
        Urgent: false,
        UrgentReasons: [],
        Analyzer: "test",
        ModelVersion: version,
        AnalysedAt: Now);
}
