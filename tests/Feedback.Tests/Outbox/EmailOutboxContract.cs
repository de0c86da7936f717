using QualityVoice.Analysis;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;
using QualityVoice.Feedback.Tracking;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Tests.Outbox;

/// <summary>
/// The e-mails owed for replies on /track and to staff, on each store: claimed for a while, claimed again once the
/// claim runs out, never again once sent or given up on, and dropped when the person withdraws their address.
/// </summary>
public abstract class EmailOutboxContract
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>The stores of a new, empty database.</summary>
    protected abstract Task<(IFeedbackStore Feedback, ITriageStore Triage, IReplyNotifications Replies, IStaffNotices Staff)> CreateStoresAsync();

    [Fact]
    public async Task A_reply_owes_one_e_mail_to_a_person_who_left_an_address_until_it_is_sent()
    {
        var (feedback, triage, replies, _) = await CreateStoresAsync();
        var withAddress = await AddAsync(feedback, "protected-address");
        var anonymous = await AddAsync(feedback, null);

        Assert.True(await triage.PublishReplyAsync(withAddress, "Thank you.", "quality@example.nhs.uk", Now, None));
        Assert.True(await triage.PublishReplyAsync(anonymous, "Thank you.", "quality@example.nhs.uk", Now, None));

        var owed = Assert.Single(await replies.ClaimAsync(10, Now, Lease, None));
        Assert.Equal((withAddress, "protected-address", 1), (owed.Reference, owed.ProtectedEmail, owed.Attempts));
        Assert.Empty(await replies.ClaimAsync(10, Now.AddMinutes(1), Lease, None));
        var again = Assert.Single(await replies.ClaimAsync(10, Now.AddMinutes(6), Lease, None));
        Assert.Equal(2, again.Attempts);

        // The first sender finishing late records nothing: the claim is the second sender's now.
        Assert.False(await replies.MarkSentAsync(owed, Now.AddMinutes(7), None));
        Assert.False(await replies.GiveUpAsync(owed, Now.AddMinutes(7), None));
        Assert.True(await replies.MarkSentAsync(again, Now.AddMinutes(7), None));
        Assert.Empty(await replies.ClaimAsync(10, Now.AddHours(1), Lease, None));

        // A second reply owes a second e-mail; given up on, it is not tried again.
        Assert.True(await triage.PublishReplyAsync(withAddress, "One more thing.", "quality@example.nhs.uk", Now.AddHours(1), None));
        var second = Assert.Single(await replies.ClaimAsync(10, Now.AddHours(1), Lease, None));
        Assert.True(await replies.GiveUpAsync(second, Now.AddHours(1), None));
        Assert.Empty(await replies.ClaimAsync(10, Now.AddHours(2), Lease, None));
    }

    [Fact]
    public async Task Withdrawing_the_address_drops_the_e_mails_not_yet_sent()
    {
        var (feedback, triage, replies, _) = await CreateStoresAsync();
        var reference = await AddAsync(feedback, "protected-address");
        Assert.True(await triage.PublishReplyAsync(reference, "Thank you.", "quality@example.nhs.uk", Now, None));

        Assert.True(await feedback.ForgetContactAsync(reference, None));

        Assert.Empty(await replies.ClaimAsync(10, Now.AddHours(1), Lease, None));
    }

    [Fact]
    public async Task Staff_e_mails_are_claimed_oldest_first_and_finished_once()
    {
        var (_, _, _, staff) = await CreateStoresAsync();
        await staff.QueueAsync([new StaffNotice("reviewer@nhs.net", "An update waits for you", "Body one")], Now, None);
        await staff.QueueAsync([new StaffNotice("author@nhs.net", "Your update was approved", "Body two")], Now.AddMinutes(1), None);

        var first = Assert.Single(await staff.ClaimAsync(1, Now.AddMinutes(2), Lease, None));
        Assert.Equal(("reviewer@nhs.net", "An update waits for you", "Body one", 1), (first.Notice.To, first.Notice.Subject, first.Notice.Body, first.Attempts));
        var second = Assert.Single(await staff.ClaimAsync(10, Now.AddMinutes(2), Lease, None));
        Assert.Equal("author@nhs.net", second.Notice.To);

        Assert.True(await staff.FinishAsync(first, sent: true, Now.AddMinutes(3), None));
        Assert.True(await staff.FinishAsync(second, sent: false, Now.AddMinutes(3), None));
        Assert.False(await staff.FinishAsync(first, sent: true, Now.AddMinutes(4), None));
        Assert.Empty(await staff.ClaimAsync(10, Now.AddHours(1), Lease, None));
    }

    [Fact]
    public async Task A_staff_e_mail_whose_claim_ran_out_is_recorded_only_by_the_sender_that_claimed_it_again()
    {
        var (_, _, _, staff) = await CreateStoresAsync();
        await staff.QueueAsync([new StaffNotice("reviewer@nhs.net", "An update waits for you", "Body")], Now, None);
        var slow = Assert.Single(await staff.ClaimAsync(1, Now, Lease, None));
        var again = Assert.Single(await staff.ClaimAsync(1, Now.AddMinutes(6), Lease, None));

        Assert.False(await staff.FinishAsync(slow, sent: true, Now.AddMinutes(7), None));
        Assert.Equal(2, again.Attempts);
        Assert.True(await staff.FinishAsync(again, sent: true, Now.AddMinutes(7), None));
        Assert.Empty(await staff.ClaimAsync(10, Now.AddHours(1), Lease, None));
    }

    private static async Task<string> AddAsync(IFeedbackStore feedback, string? address)
    {
        var record = FeedbackRecords.Record(submittedAt: Now.AddDays(-1)) with { ProtectedContactEmail = address };
        var analysis = new FeedbackAnalysis(Sentiment.Negative, 0, [], [], [], null, "The wait was long", [], false, [], "test", "model-1", Now);
        Assert.Equal(1, await feedback.ImportAsync([new ImportedFeedback(record, analysis, TriageStatus.New)], None));
        return record.Reference;
    }
}

/// <summary>The e-mail outbox contract on the embedded SQLite store.</summary>
public sealed class SqliteEmailOutboxTests : EmailOutboxContract, IAsyncLifetime
{
    private readonly SqliteDatabases _databases = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();

    protected override async Task<(IFeedbackStore, ITriageStore, IReplyNotifications, IStaffNotices)> CreateStoresAsync()
    {
        var (database, store) = await _databases.CreateAsync();
        return (store, new SqliteTriageStore(database), new SqliteReplyNotifications(database), new SqliteStaffNotices(database));
    }
}

/// <summary>The e-mail outbox contract on Cosmos DB: the protocol peer on loopback, or COSMOS_ENDPOINT.</summary>
[Collection(CosmosCollection.Name)]
public sealed class CosmosEmailOutboxTests(CosmosAccountFixture account) : EmailOutboxContract
{
    protected override async Task<(IFeedbackStore, ITriageStore, IReplyNotifications, IStaffNotices)> CreateStoresAsync()
    {
        var containers = await account.Server.CreateDatabaseAsync();
        return (new CosmosFeedbackStore(containers), new CosmosTriageStore(containers), new CosmosReplyNotifications(containers), new CosmosStaffNotices(containers));
    }

    [Fact]
    public async Task An_e_mail_owed_for_a_reply_that_was_never_kept_is_dropped_not_sent()
    {
        var containers = await account.Server.CreateDatabaseAsync();
        var feedback = new CosmosFeedbackStore(containers);
        var record = FeedbackRecords.Record() with { ProtectedContactEmail = "protected-address" };
        await feedback.AddAsync(record, CancellationToken.None);
        var at = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

        // What a writer that stopped after owing the e-mail and before keeping the reply leaves behind.
        await new CosmosOutbox(containers.Feedback).OweAsync(
            new OutboxDocument { Id = OutboxDocument.ReplyEmailId(record.Reference, at), Type = OutboxDocument.ReplyEmail, Reference = record.Reference, ReplyAt = at, CreatedAt = at.ToUnixTimeMilliseconds() },
            CancellationToken.None);
        var replies = new CosmosReplyNotifications(containers);

        Assert.Empty(await replies.ClaimAsync(10, at.AddMinutes(1), TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.Empty(await replies.ClaimAsync(10, at.AddMinutes(10), TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.Null((await containers.Feedback.TryReadAsync<OutboxDocument>(OutboxDocument.ReplyEmailId(record.Reference, at), OutboxDocument.Partition, CancellationToken.None)).Document);
    }
}
