using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;

namespace QualityVoice.Feedback.Tests.Publishing;

/// <summary>The publishing contract on the embedded SQLite store.</summary>
public sealed class SqliteUpdateStoreTests : UpdateStoreContract
{
    private readonly SqliteDatabases _databases = new();

    public override Task DisposeAsync() => _databases.DisposeAsync().AsTask();

    protected override async Task<(IFeedbackStore, IUpdateStore, IPublishedUpdates, IUpdateNotifications)> CreateStoresAsync()
    {
        var (database, store) = await _databases.CreateAsync();
        var updates = new SqliteUpdateStore(database);
        return (store, updates, updates, new SqliteUpdateNotifications(database));
    }
}

/// <summary>The publishing contract on Cosmos DB: the protocol peer on loopback, or COSMOS_ENDPOINT.</summary>
[Collection(CosmosCollection.Name)]
public sealed class CosmosUpdateStoreTests(CosmosAccountFixture account) : UpdateStoreContract
{
    protected override async Task<(IFeedbackStore, IUpdateStore, IPublishedUpdates, IUpdateNotifications)> CreateStoresAsync()
    {
        var containers = await account.Server.CreateDatabaseAsync();
        var updates = new CosmosUpdateStore(containers);
        return (new CosmosFeedbackStore(containers), updates, updates, new CosmosUpdateNotifications(containers));
    }

    [Fact]
    public async Task E_mails_owed_by_a_writer_that_stopped_after_the_update_went_live_are_queued_by_the_next_round()
    {
        var containers = await account.Server.CreateDatabaseAsync();
        var (feedback, updates, notifications) = (new CosmosFeedbackStore(containers), new CosmosUpdateStore(containers), new CosmosUpdateNotifications(containers));
        var now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        var record = FeedbackRecords.Record() with { ProtectedContactEmail = "protected-1" };
        await feedback.AddAsync(record, CancellationToken.None);
        var slug = await updates.CreateAsync("waits", _ => false, new UpdateContent("Waits", "experience", null, "done", "Long waits.", "We fixed it.", [], [], []), "author@nhs.net", now, CancellationToken.None);
        await updates.LinkFeedbackAsync(slug, [record.Reference], "author@nhs.net", now, CancellationToken.None);
        await updates.SubmitForReviewAsync(slug, 1, "author@nhs.net", now, CancellationToken.None);
        await updates.ApproveAsync(slug, 1, now, "reviewer@nhs.net", now, CancellationToken.None);

        // What a writer that stopped straight after the change leaves: the mark, and no e-mail queued.
        await containers.Feedback.DeleteIfPresentAsync(OutboxDocument.UpdateEmailId(slug, record.Reference), OutboxDocument.Partition, CancellationToken.None);
        var (update, eTag) = await containers.Feedback.TryReadAsync<UpdateDocument>(slug, UpdateDocument.Partition, CancellationToken.None);
        Assert.True(await containers.Feedback.TryReplaceAsync(update! with { OwesEmails = true, ETag = null }, slug, UpdateDocument.Partition, eTag!, CancellationToken.None));
        Assert.Empty(await notifications.ClaimAsync(10, now, TimeSpan.FromMinutes(5), CancellationToken.None));

        Assert.Equal(0, await updates.PublishDueAsync(now, CancellationToken.None));

        Assert.Equal(record.Reference, Assert.Single(await notifications.ClaimAsync(10, now, TimeSpan.FromMinutes(5), CancellationToken.None)).Reference);
        Assert.False((await containers.Feedback.TryReadAsync<UpdateDocument>(slug, UpdateDocument.Partition, CancellationToken.None)).Document!.OwesEmails);
    }
}

/// <summary>The publishing rules themselves, whatever keeps them.</summary>
public sealed class PublishingWorkflowTests
{
    [Theory]
    [InlineData("reviewer@nhs.net", true)]
    [InlineData("AUTHOR@nhs.net", false)]
    [InlineData("sender@nhs.net", false)]
    public void The_second_person_rule_keeps_out_whoever_sent_or_wrote_it(string approver, bool may)
    {
        Assert.Equal(may, SecondPersonRule.MayApprove(approver, "sender@nhs.net", ["author@nhs.net", "editor@nhs.net"]));
    }

    [Fact]
    public void Only_authors_since_the_last_approval_count()
    {
        var approvedAtTwo = PublishingWorkflow.Start("a@nhs.net").After with { Version = 3, ApprovedVersion = 2 };

        Assert.Equal(["c@nhs.net"], PublishingWorkflow.AuthorsSinceApproval(approvedAtTwo, [(1, "a@nhs.net"), (2, "b@nhs.net"), (3, "c@nhs.net")]));
    }
}
