using Microsoft.Data.Sqlite;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Storage;

public sealed class SqliteSpeakUpStoreTests : SpeakUpStoreContract, IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    protected override async Task<ISpeakUpStore> CreateSpeakUpStoreAsync()
    {
        var database = new SqliteDatabase(_folder.File($"speak-up-{Guid.NewGuid():N}.db"), SqliteSpeakUpStore.Migrations);
        await database.MigrateAsync();
        return new SqliteSpeakUpStore(database);
    }
}
