using QualityVoice.Analysis;
using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Rights;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;
using QualityVoice.Feedback.Tracking;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Tests.Rights;

/// <summary>
/// Subject access and erasure on each store: everything held is found; erasure removes every copy (the item, its
/// conversation, history, search terms, urgent listing, e-mails owed, failed /track attempts, idempotency claim) and
/// takes it out of the counts, leaving other items as they were.
/// </summary>
public abstract class PersonalDataStoreContract
{
    private const string Quality = "quality@example.nhs.uk";
    private const string Manner = "Staff manner & personal attributes";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<Stores> CreateStoresAsync();

    [Fact]
    public async Task Everything_held_is_found_and_erasure_leaves_no_copy_and_no_count()
    {
        var stores = await CreateStoresAsync();
        var theirs = await FeedbackRecords.ImportAnalysedAsync(stores.Feedback, Now, "Nurse Ayo shouted at my mum, ring me on 07700 900123", "Nurse [name] shouted at my mum, ring me on [phone]", urgent: true);
        var other = await FeedbackRecords.ImportAnalysedAsync(stores.Feedback, Now, "The nurses were rude on the ward", "The nurses were rude on the ward");
        Assert.True(await stores.Triage.PublishReplyAsync(theirs, "We are sorry: the ward manager will call you.", Quality, Now.AddHours(1), CancellationToken.None));
        var answer = new FeedbackMessage(true, "Thanks, my number is 07700 900123", "Thanks, my number is [phone]", Now.AddHours(2));
        Assert.True(await stores.Conversation.AnswerAsync(theirs, answer, TriageStatus.InProgress, urgent: false, CancellationToken.None));
        await stores.Attempts.RecordFailureAsync(theirs, Now, 5, TimeSpan.FromMinutes(15), CancellationToken.None);
        var keyed = FeedbackRecords.Record(idempotencyKey: "kiosk-7:1234", submittedAt: Now);
        Assert.Equal(AddOutcome.Stored, (await stores.Feedback.AddAsync(keyed, CancellationToken.None)).Outcome);

        var held = (await stores.Rights.FindHeldAsync(theirs, CancellationToken.None))!;
        Assert.Equal("Nurse Ayo shouted at my mum, ring me on 07700 900123", held.Item.Item.WhatCouldImprove);
        Assert.Equal("CfDJ8-an-encrypted-address", held.ProtectedContactEmail);
        Assert.Equal(2, held.Item.Conversation!.Count);
        Assert.NotEmpty(held.Item.History);
        Assert.Null(await stores.Rights.FindHeldAsync("QV-2222-2222", CancellationToken.None));

        var month = YearMonth.Of(Now);
        async Task<(int Items, int Negative, int ThemeMentions)> InsightAsync()
        {
            var insight = stores.Insight(); // as each request does
            var monthly = await insight.MonthlyAsync(month, month, null, CancellationToken.None);
            var themes = await insight.ThemesAsync(month, month, null, CancellationToken.None);
            return (monthly.Sum(row => row.Count), monthly.Where(row => row.Sentiment == "negative").Sum(row => row.Count), themes.Where(row => row.Theme == Manner).Sum(row => row.Negative));
        }

        Assert.Equal((3, 2, 2), await InsightAsync());
        Assert.Equal(3, (await stores.Triage.CountAsync(new InboxFilter(), CancellationToken.None)).Total);
        Assert.True(await stores.Rights.EraseAsync(theirs, CancellationToken.None));
        Assert.True(await stores.Rights.EraseAsync(keyed.Reference, CancellationToken.None));

        Assert.Null(await stores.Rights.FindHeldAsync(theirs, CancellationToken.None));
        Assert.Null(await stores.Triage.GetAsync(theirs, CancellationToken.None));
        Assert.Null(await stores.Feedback.FindForTrackingAsync(theirs, CancellationToken.None));
        Assert.Empty(await stores.Urgent.ListAsync(10, CancellationToken.None));
        Assert.Empty(await stores.Replies.ClaimAsync(10, Now.AddHours(3), TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.Null(await stores.Attempts.LockedUntilAsync(theirs, Now, CancellationToken.None));

        async Task<string[]> FindAsync(InboxFilter filter) =>
            [.. (await stores.Triage.SearchAsync(filter, InboxOrder.Newest, null, 10, CancellationToken.None)).Rows.Select(row => row.Reference)];
        Assert.Equal([other], await FindAsync(new InboxFilter()));
        Assert.Equal([other], await FindAsync(new InboxFilter { Query = "nurse" }));
        Assert.Equal([other], await FindAsync(new InboxFilter { Theme = Manner }));
        Assert.Empty(await FindAsync(new InboxFilter { Urgent = true }));
        var counts = await stores.Triage.CountAsync(new InboxFilter(), CancellationToken.None);
        Assert.Equal(1, counts.Total);
        Assert.Equal(0, counts.ByFacet["urgent"].GetValueOrDefault("yes"));
        Assert.Equal((1, 1, 1), await InsightAsync());

        // The idempotency key is free again: the same request is new feedback, not a repeat of the erased one.
        var again = FeedbackRecords.Record(idempotencyKey: "kiosk-7:1234", submittedAt: Now.AddHours(4));
        Assert.Equal(AddOutcome.Stored, (await stores.Feedback.AddAsync(again, CancellationToken.None)).Outcome);
        Assert.False(await stores.Rights.EraseAsync(theirs, CancellationToken.None));
    }

    /// <summary>The stores of one new database.</summary>
    protected sealed record Stores(
        IFeedbackStore Feedback, ITriageStore Triage, IFeedbackConversation Conversation, IUrgentQueue Urgent, IReplyNotifications Replies, ITrackingAttemptLedger Attempts,
        Func<IInsightQueries> Insight, IPersonalDataStore Rights);
}

public sealed class SqlitePersonalDataStoreTests : PersonalDataStoreContract, IAsyncDisposable
{
    private readonly SqliteDatabases _databases = new();

    protected override async Task<Stores> CreateStoresAsync()
    {
        var (database, store) = await _databases.CreateAsync();
        return new Stores(
            store, new SqliteTriageStore(database), new SqliteFeedbackConversation(database), new SqliteUrgentQueue(database),
            new SqliteReplyNotifications(database), new SqliteTrackingAttemptLedger(database), () => new SqliteInsightQueries(database), new SqlitePersonalData(database));
    }

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}

[Collection(CosmosCollection.Name)]
public sealed class CosmosPersonalDataStoreTests(CosmosAccountFixture account) : PersonalDataStoreContract
{
    protected override async Task<Stores> CreateStoresAsync()
    {
        var containers = await account.Server.CreateDatabaseAsync();
        var triage = new CosmosTriageStore(containers);
        return new Stores(
            new CosmosFeedbackStore(containers), triage, triage, triage, new CosmosReplyNotifications(containers),
            new CosmosTrackingAttemptLedger(containers.Feedback), () => new CosmosInsightQueries(containers), new CosmosPersonalData(containers));
    }
}
