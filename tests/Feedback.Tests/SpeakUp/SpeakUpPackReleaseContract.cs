using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;

namespace QualityVoice.Feedback.Tests.SpeakUp;

/// <summary>The guardians' choice of figures for the pack, on each store: nothing until they choose, then their latest choice.</summary>
public abstract class SpeakUpPackReleaseContract
{
    protected abstract Task<ISpeakUpPackRelease> CreateStoreAsync();

    [Fact]
    public async Task Nothing_is_released_until_a_guardian_chooses_and_the_latest_choice_stands()
    {
        var store = await CreateStoreAsync();
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

        Assert.Empty((await store.GetAsync(CancellationToken.None)).Measures);

        await store.SaveAsync(new SpeakUpPackRelease([SpeakUpMeasure.Cases, SpeakUpMeasure.Elements], "guardian@example.nhs.uk", at), CancellationToken.None);
        await store.SaveAsync(new SpeakUpPackRelease([SpeakUpMeasure.Cases], "other.guardian@example.nhs.uk", at.AddDays(1)), CancellationToken.None);

        var release = await store.GetAsync(CancellationToken.None);
        Assert.Equal([SpeakUpMeasure.Cases], release.Measures);
        Assert.Equal(("other.guardian@example.nhs.uk", at.AddDays(1)), (release.SetBy, release.SetAt));
    }
}

public sealed class SqliteSpeakUpPackReleaseTests : SpeakUpPackReleaseContract, IDisposable
{
    private readonly TestSupport.TemporaryDirectory _folder = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    protected override async Task<ISpeakUpPackRelease> CreateStoreAsync()
    {
        var database = new SqliteDatabase(_folder.File($"speak-up-{Guid.NewGuid():N}.db"), SqliteSpeakUpStore.Migrations);
        await database.MigrateAsync();
        return new SqliteSpeakUpPackRelease(database);
    }
}

[Collection(CosmosCollection.Name)]
public sealed class CosmosSpeakUpPackReleaseTests(CosmosAccountFixture account) : SpeakUpPackReleaseContract
{
    protected override async Task<ISpeakUpPackRelease> CreateStoreAsync() => new CosmosSpeakUpPackRelease(await account.Server.CreateDatabaseAsync());
}
