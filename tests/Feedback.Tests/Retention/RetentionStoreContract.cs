using QualityVoice.Analysis;
using QualityVoice.Feedback.Retention;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;
using QualityVoice.Feedback.Tracking;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Tests.Retention;

/// <summary>
/// The retention policy's store, on each provider: items past the period lose their original words, e-mail address,
/// the e-mails not yet sent to it and the person's own messages as written; everything else stays; newer items and
/// items still waiting for analysis are left.
/// </summary>
public abstract class RetentionStoreContract
{
    private const string Quality = "quality@example.nhs.uk";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    protected abstract Task<Stores> CreateStoresAsync();

    [Fact]
    public async Task Items_past_the_period_keep_only_their_words_with_personal_details_hidden()
    {
        var stores = await CreateStoresAsync();
        var policy = new RetentionPolicy(OriginalWordsMonths: 24);
        var before = policy.OriginalWordsCutOff(Now);

        var old = await FeedbackRecords.ImportAnalysedAsync(stores.Feedback, Now.AddMonths(-25), "Dr Patel on ward 3 was kind, ring me on 07700 900123", "Dr Patel on ward 3 was kind, ring me on [phone]");
        var older = await FeedbackRecords.ImportAnalysedAsync(stores.Feedback, Now.AddMonths(-26).AddDays(3), "Sarah was lovely", "[name] was lovely");
        var recent = await FeedbackRecords.ImportAnalysedAsync(stores.Feedback, Now.AddMonths(-23), "Jo at reception was rude", "[name] at reception was rude");
        var waiting = FeedbackRecords.Record(submittedAt: Now.AddMonths(-30), feedback: FeedbackRecords.Feedback("Not analysed yet, email me at a@example.com"));
        await stores.Feedback.AddAsync(waiting, CancellationToken.None);

        // The quality team replied and the person answered on /track; the reply's e-mail has not gone yet.
        Assert.True(await stores.Triage.PublishReplyAsync(old, "Thank you, we passed this on.", Quality, Now.AddMonths(-25).AddDays(1), CancellationToken.None));
        var answer = new FeedbackMessage(true, "Call me on 07700 900123", "Call me on [phone]", Now.AddMonths(-25).AddDays(2));
        Assert.True(await stores.Conversation.AnswerAsync(old, answer, TriageStatus.InProgress, urgent: false, CancellationToken.None));
        Assert.True(await stores.Triage.PublishReplyAsync(old, "We will ring you.", Quality, Now.AddMonths(-25).AddDays(3), CancellationToken.None));

        var held = await stores.Retention.FindOriginalWordsBeforeAsync(before, 10, CancellationToken.None);
        Assert.Equal([older, old], held.Select(item => item.Reference));
        Assert.Equal("Dr Patel on ward 3 was kind, ring me on 07700 900123", held[1].WhatCouldImprove);
        Assert.Equal([older], (await stores.Retention.FindOriginalWordsBeforeAsync(before, 1, CancellationToken.None)).Select(item => item.Reference));

        Assert.Equal(2, await stores.Retention.RemoveOriginalWordsAsync(held.Select(RetentionPolicy.Keep).ToArray(), Now, CancellationToken.None));

        var kept = (await stores.Triage.GetAsync(old, CancellationToken.None))!;
        Assert.Equal("Dr Patel on ward 3 was kind, ring me on [phone]", kept.Item.WhatCouldImprove);
        Assert.Equal("Kind staff", kept.Item.WhatWasGood);
        Assert.False(kept.Item.ConsentedToContact);
        Assert.Equal(Now, kept.OriginalsRemovedAt);
        Assert.Equal(
            [(false, "Thank you, we passed this on."), (true, "Call me on [phone]"), (false, "We will ring you.")],
            kept.Conversation!.Select(message => (message.FromPerson, message.Text)));
        Assert.Equal(TriageStatus.Responded, kept.Item.Status);
        Assert.Equal(Sentiment.Negative, kept.Sentiment);
        Assert.Equal("Dr Patel on ward 3 was kind, ring me on [phone]", kept.Item.Analysis!.RedactedWhatCouldImprove);
        Assert.Empty(await stores.Replies.ClaimAsync(10, Now, TimeSpan.FromMinutes(5), CancellationToken.None));

        // The newer item and the one waiting for analysis are untouched; nothing is found or changed twice.
        var untouched = (await stores.Triage.GetAsync(recent, CancellationToken.None))!;
        Assert.Equal("Jo at reception was rude", untouched.Item.WhatCouldImprove);
        Assert.True(untouched.Item.ConsentedToContact);
        Assert.Null(untouched.OriginalsRemovedAt);
        Assert.Equal("Not analysed yet, email me at a@example.com", (await stores.Feedback.FindAsync(waiting.Reference, CancellationToken.None))!.WhatCouldImprove);
        Assert.Empty(await stores.Retention.FindOriginalWordsBeforeAsync(before, 10, CancellationToken.None));
        Assert.Equal(0, await stores.Retention.RemoveOriginalWordsAsync(held.Select(RetentionPolicy.Keep).ToArray(), Now.AddDays(1), CancellationToken.None));
        Assert.Equal(Now, (await stores.Triage.GetAsync(old, CancellationToken.None))!.OriginalsRemovedAt);
    }

    /// <summary>The stores of one new database.</summary>
    protected sealed record Stores(IFeedbackStore Feedback, ITriageStore Triage, IFeedbackConversation Conversation, IReplyNotifications Replies, IRetentionStore Retention);
}

public sealed class SqliteRetentionStoreTests : RetentionStoreContract, IAsyncDisposable
{
    private readonly SqliteDatabases _databases = new();

    protected override async Task<Stores> CreateStoresAsync()
    {
        var (database, store) = await _databases.CreateAsync();
        return new Stores(store, new SqliteTriageStore(database), new SqliteFeedbackConversation(database), new SqliteReplyNotifications(database), new SqliteRetention(database));
    }

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}

[Collection(CosmosCollection.Name)]
public sealed class CosmosRetentionStoreTests(CosmosAccountFixture account) : RetentionStoreContract
{
    protected override async Task<Stores> CreateStoresAsync()
    {
        var containers = await account.Server.CreateDatabaseAsync();
        var triage = new CosmosTriageStore(containers);
        return new Stores(new CosmosFeedbackStore(containers), triage, triage, new CosmosReplyNotifications(containers), new CosmosRetention(containers));
    }
}
