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
}
