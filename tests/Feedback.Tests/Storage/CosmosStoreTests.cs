using QualityVoice.Analysis;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Triage;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Storage;

/// <summary>One Cosmos DB account for every Cosmos test: the protocol peer on loopback, or COSMOS_ENDPOINT.</summary>
public sealed class CosmosAccountFixture : IAsyncLifetime
{
    public CosmosDbServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await CosmosDbServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class CosmosCollection : ICollectionFixture<CosmosAccountFixture>
{
    public const string Name = "Cosmos DB";
}

[Collection(CosmosCollection.Name)]
public sealed class CosmosFeedbackStoreTests(CosmosAccountFixture account) : FeedbackStoreContract
{
    protected override async Task<IFeedbackStore> CreateStoreAsync() =>
        new CosmosFeedbackStore(await account.Server.CreateDatabaseAsync());

    [Fact]
    public async Task A_write_interrupted_after_the_key_was_claimed_is_finished_by_the_repeat_not_lost()
    {
        var containers = await account.Server.CreateDatabaseAsync();
        var store = new CosmosFeedbackStore(containers);
        var first = FeedbackRecords.Record(idempotencyKey: "interrupted");
        var key = Convert.ToHexString(first.IdempotencyKey!);

        // What a writer that died straight after claiming the key leaves behind: the claim and nothing else.
        await store.AddAsync(FeedbackRecords.Record(submittedAt: first.SubmittedAt), CancellationToken.None);
        await containers.Feedback.TryCreateAsync(
            IdempotencyDocument.Claim(key, first.Reference, first.RequestFingerprint),
            IdempotencyDocument.PartitionOf(key),
            CancellationToken.None);

        var repeat = await store.AddAsync(FeedbackRecords.Record(idempotencyKey: "interrupted"), CancellationToken.None);
        // The intake hands a matching repeat over again under the first reference, which finishes the first write.
        var finished = await store.AddAsync(FeedbackRecords.Record(reference: first.Reference, idempotencyKey: "interrupted"), CancellationToken.None);

        Assert.Equal(AddOutcome.Repeated, repeat.Outcome);
        Assert.Equal(first.Reference, repeat.Reference);
        Assert.Equal(AddOutcome.Repeated, finished.Outcome);
        Assert.NotNull(await store.FindAsync(first.Reference, CancellationToken.None));
    }

    [Fact]
    public async Task An_idempotency_claim_keeps_no_copy_of_the_item_and_expires()
    {
        var containers = await account.Server.CreateDatabaseAsync();
        var store = new CosmosFeedbackStore(containers);
        var record = FeedbackRecords.Record(idempotencyKey: "lean") with { ProtectedContactEmail = "CfDJ8-protected-address" };
        var key = Convert.ToHexString(record.IdempotencyKey!);

        await store.AddAsync(record, CancellationToken.None);

        using var claim = await containers.Feedback.ReadItemStreamAsync(key, new Microsoft.Azure.Cosmos.PartitionKey(IdempotencyDocument.PartitionOf(key)));
        var json = await new StreamReader(claim.Content).ReadToEndAsync();
        Assert.Contains(record.Reference, json, StringComparison.Ordinal);
        Assert.Contains("\"ttl\":604800", json, StringComparison.Ordinal);
        Assert.DoesNotContain("CfDJ8-protected-address", json, StringComparison.Ordinal);
        Assert.DoesNotContain("The wait was long", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_row_s_claim_never_expires_and_an_import_interrupted_after_the_claim_is_finished_when_run_again()
    {
        var containers = await account.Server.CreateDatabaseAsync();
        var store = new CosmosFeedbackStore(containers);
        var row = FeedbackRecords.Record(idempotencyKey: "import:acme\nrow-9");
        var key = Convert.ToHexString(row.IdempotencyKey!);

        // What an import that stopped straight after claiming the row leaves behind: the claim and nothing else.
        await containers.Feedback.TryCreateAsync(
            IdempotencyDocument.Claim(key, row.Reference, null, forever: true), IdempotencyDocument.PartitionOf(key), CancellationToken.None);
        var again = await store.AddBatchAsync([FeedbackRecords.Record(idempotencyKey: "import:acme\nrow-9")], CancellationToken.None);

        Assert.Equal(AddOutcome.Repeated, Assert.Single(again).Outcome);
        Assert.NotNull(await store.FindAsync(row.Reference, CancellationToken.None));

        var fresh = FeedbackRecords.Record(idempotencyKey: "import:acme\nrow-10");
        await store.AddBatchAsync([fresh], CancellationToken.None);
        var freshKey = Convert.ToHexString(fresh.IdempotencyKey!);
        using var claim = await containers.Feedback.ReadItemStreamAsync(freshKey, new Microsoft.Azure.Cosmos.PartitionKey(IdempotencyDocument.PartitionOf(freshKey)));
        Assert.Contains("\"ttl\":-1", await new StreamReader(claim.Content).ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Equality_monitoring_goes_to_its_own_container_with_the_service_and_month_only()
    {
        var containers = await account.Server.CreateDatabaseAsync();
        var store = new CosmosFeedbackStore(containers);
        var answers = new EqualityMonitoring("25-34", "prefer-not-to-say", null, "white-british", "no", null, null);
        var record = FeedbackRecords.Record(feedback: FeedbackRecords.Feedback() with { EqualityMonitoring = answers });

        await store.AddAsync(record, CancellationToken.None);

        var stored = new List<string>();
        await foreach (var json in containers.EqualityMonitoring.QueryAsync<System.Text.Json.JsonElement>(
            new Microsoft.Azure.Cosmos.QueryDefinition("SELECT * FROM c WHERE c.pk = @pk"), "2026-11", CancellationToken.None))
        {
            stored.Add(json.GetRawText());
        }

        var document = Assert.Single(stored);
        Assert.Contains("\"ageBand\":\"25-34\"", document, StringComparison.Ordinal);
        Assert.DoesNotContain(record.Reference, document, StringComparison.Ordinal);
        Assert.DoesNotContain("wait", document, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_recount_rebuilds_a_month_s_counts_from_its_items_including_items_written_before_rollups()
    {
        var containers = await account.Server.CreateDatabaseAsync();
        var store = new CosmosFeedbackStore(containers);
        var at = new DateTimeOffset(2026, 10, 14, 9, 0, 0, TimeSpan.Zero);
        var references = new List<string>();
        foreach (var (theme, sentiment) in new[] { ("Parking", Sentiment.Negative), ("Discharge", Sentiment.Positive), ("Parking", Sentiment.Mixed) })
        {
            var record = FeedbackRecords.Record(submittedAt: at.AddHours(references.Count));
            var analysis = new FeedbackAnalysis(sentiment, 0, [new ThemePrediction(theme, 0.9)], [], [], null, "Words", [], false, [], "test", "model-1", at);
            await store.ImportAsync([new ImportedFeedback(record, analysis, TriageStatus.New)], CancellationToken.None);
            references.Add(record.Reference);
        }

        var month = YearMonth.Of(at);
        var expected = (await new CosmosInsightQueries(containers).ThemesAsync(month, month, null, CancellationToken.None)).ToArray();
        Assert.Equal(2, expected.Length);

        // Left behind: the rollup is gone, and one item is as written before items said what they are counted as.
        await containers.Feedback.DeleteIfPresentAsync(MonthRollupDocument.DocumentId, month.ToString(), CancellationToken.None);
        var (legacy, eTag) = await containers.Feedback.TryReadAsync<FeedbackDocument>(references[0], month.ToString(), CancellationToken.None);
        Assert.True(await containers.Feedback.TryReplaceAsync(legacy! with { Counted = null, ETag = null }, references[0], month.ToString(), eTag!, CancellationToken.None));
        Assert.Empty(await new CosmosInsightQueries(containers).ThemesAsync(month, month, null, CancellationToken.None));

        var recount = new CosmosInsightRecount(containers);
        Assert.Equal(1, await recount.RecountAsync(CancellationToken.None));
        Assert.Equal(expected, await new CosmosInsightQueries(containers).ThemesAsync(month, month, null, CancellationToken.None));
        Assert.NotNull((await containers.Feedback.TryReadAsync<FeedbackDocument>(references[0], month.ToString(), CancellationToken.None)).Document!.Counted);
        Assert.Equal(0, await recount.RecountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_theme_or_service_named_with_path_characters_is_counted_under_its_own_name()
    {
        // A rollup key is a patch path: '/', '~', '|' and '%' in a name must neither split it nor change it.
        var containers = await account.Server.CreateDatabaseAsync();
        var store = new CosmosFeedbackStore(containers);
        const string theme = "Waiting / delays ~ 100% | other";
        var record = FeedbackRecords.Record(feedback: FeedbackRecords.Feedback() with { ServiceId = "a/b~c", ServiceName = "A / B" });
        var analysis = new FeedbackAnalysis(
            Sentiment.Negative, 0, [new ThemePrediction(theme, 0.9)], [], [], null, "Long wait", [], false, [], "test", "model-1", record.SubmittedAt);
        await store.ImportAsync([new ImportedFeedback(record, analysis, TriageStatus.New)], CancellationToken.None);

        var month = YearMonth.Of(record.SubmittedAt);
        var count = Assert.Single(await new CosmosInsightQueries(containers).ThemesAsync(month, month, "a/b~c", CancellationToken.None));
        Assert.Equal((theme, "a/b~c", 1, 1), (count.Theme, count.ServiceId, count.Negative, count.Count));
        var returned = Assert.Single(await new CosmosInsightQueries(containers).FftReturnAsync(month, CancellationToken.None));
        Assert.Equal("A / B", returned.ServiceName);
    }
}

[Collection(CosmosCollection.Name)]
public sealed class CosmosSpeakUpStoreTests(CosmosAccountFixture account) : SpeakUpStoreContract
{
    protected override async Task<ISpeakUpStore> CreateSpeakUpStoreAsync() =>
        new CosmosSpeakUpStore(await account.Server.CreateDatabaseAsync());
}
