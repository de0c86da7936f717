using QualityVoice.Feedback.Integrations;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;
using QualityVoice.Feedback.Tracking;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Integrations;

/// <summary>Issuing, listing and revoking API keys, on each store.</summary>
public abstract class ApiClientStoreContract
{
    private readonly ManualTimeProvider _time = new();
    private readonly PassphraseHasher _hasher = new(new byte[32]);

    protected abstract Task<IApiClientStore> CreateStoreAsync();

    [Fact]
    public async Task A_key_is_issued_once_and_only_its_keyed_hash_is_kept()
    {
        var store = await CreateStoreAsync();
        var registry = Registry(store);

        var issued = await registry.IssueAsync("Acme SMS", 50, "admin@example.nhs.uk", CancellationToken.None);

        Assert.Null(issued.Problem);
        Assert.Matches("^qv_[23456789A-HJKMNP-Z]{40}$", issued.Key);
        var stored = Assert.Single(await store.ListAsync(CancellationToken.None));
        Assert.Equal("Acme SMS", stored.Name);
        Assert.Equal(_hasher.HashApiKey(issued.Key!), stored.KeyHash);
        Assert.Equal(issued.Key![..7], stored.KeyHint);
        Assert.Equal(50, stored.RequestsPerSecond);
        Assert.Equal(_time.GetUtcNow(), stored.IssuedAt);
        Assert.True(stored.IsActive);
    }

    [Fact]
    public async Task A_name_is_never_issued_twice_whatever_its_case_or_after_its_key_is_revoked()
    {
        var store = await CreateStoreAsync();
        var registry = Registry(store);
        await registry.IssueAsync("acme", null, "admin", CancellationToken.None);

        var again = await registry.IssueAsync("ACME", null, "admin", CancellationToken.None);
        await registry.RevokeAsync("acme", "admin", CancellationToken.None);
        var afterRevoking = await registry.IssueAsync("acme", null, "admin", CancellationToken.None);

        Assert.Contains("already a client called", again.Problem, StringComparison.Ordinal);
        Assert.Contains("already a client called", afterRevoking.Problem, StringComparison.Ordinal);
        Assert.Single(await store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_revoked_key_is_recorded_with_who_and_when_and_cannot_be_revoked_again()
    {
        var store = await CreateStoreAsync();
        var registry = Registry(store);
        await registry.IssueAsync("kiosk", null, "admin", CancellationToken.None);
        await registry.IssueAsync("paper", null, "admin", CancellationToken.None);

        var revoked = await registry.RevokeAsync("kiosk", "other-admin", CancellationToken.None);
        var twice = await registry.RevokeAsync("kiosk", "other-admin", CancellationToken.None);

        Assert.NotNull(revoked);
        Assert.Null(twice);
        var clients = await store.ListAsync(CancellationToken.None);
        Assert.Equal(["kiosk", "paper"], clients.Select(client => client.Name));
        Assert.Equal(("other-admin", _time.GetUtcNow()), (clients[0].RevokedBy, clients[0].RevokedAt!.Value));
        Assert.True(clients[1].IsActive);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("has/slash", null)]
    [InlineData("-starts-with-hyphen", null)]
    [InlineData("ok", 0)]
    [InlineData("ok", 10_001)]
    public async Task A_bad_name_or_rate_is_refused_with_the_rule(string name, int? perSecond)
    {
        var store = await CreateStoreAsync();

        var issued = await Registry(store).IssueAsync(name, perSecond, "admin", CancellationToken.None);

        Assert.Null(issued.Key);
        Assert.NotNull(issued.Problem);
        Assert.Empty(await store.ListAsync(CancellationToken.None));
    }

    private ApiClientRegistry Registry(IApiClientStore store) => new(store, _hasher, new SecureRandomSource(), _time);
}

public sealed class SqliteApiClientStoreTests : ApiClientStoreContract, IAsyncDisposable
{
    private readonly SqliteDatabases _databases = new();

    protected override async Task<IApiClientStore> CreateStoreAsync() => new SqliteApiClientStore((await _databases.CreateAsync()).Database);

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}

[Collection(CosmosCollection.Name)]
public sealed class CosmosApiClientStoreTests(CosmosAccountFixture account) : ApiClientStoreContract
{
    protected override async Task<IApiClientStore> CreateStoreAsync() => new CosmosApiClientStore(await account.Server.CreateDatabaseAsync());
}
