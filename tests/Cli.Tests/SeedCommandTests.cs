using Microsoft.Data.Sqlite;
using QualityVoice.Cli.Commands;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Triage;
using QualityVoice.TestSupport;

namespace QualityVoice.Cli.Tests;

public sealed class SeedCommandTests : IAsyncLifetime
{
    private static readonly ContentPack Pack = ContentPackLoader.Load(Path.Combine(Repository.Root, "content"), "nenc");
    private readonly TemporaryDirectory _folder = new();
    private SqliteDatabase _database = null!;
    private SqliteFeedbackStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(_folder.File("feedback.db"), SqliteFeedbackStore.Migrations);
        await _database.MigrateAsync();
        _store = new SqliteFeedbackStore(_database);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Seeding_writes_exactly_the_number_asked_for_analysed_and_spread_over_the_pack_s_services()
    {
        using var output = new StringWriter();

        await SeedCommand.RunAsync(Line("--synthetic", "300", "--seed", "7"), _store, Pack, TimeProvider.System, output, CancellationToken.None);

        var triage = new SqliteTriageStore(_database);
        var counts = await triage.CountAsync(new InboxFilter(), CancellationToken.None);
        Assert.Equal(300, counts.Total);
        Assert.Equal(0, await _store.CountPendingAnalysisAsync(CancellationToken.None));
        Assert.InRange(counts.ByFacet["service"].Count(pair => pair.Value > 0), 10, 1000);
        Assert.True(counts.ByFacet["sentiment"]["positive"] > 0 && counts.ByFacet["sentiment"]["negative"] > 0);
        var page = await triage.SearchAsync(new InboxFilter(), InboxOrder.Newest, null, 5, CancellationToken.None);
        Assert.All(page.Rows, row => Assert.NotEmpty(row.Themes));
        var serviceNames = Pack.Organisations.SelectMany(organisation => organisation.Services).Select(service => service.FullName).ToHashSet();
        Assert.All(page.Rows, row => Assert.Contains(row.ServiceName, serviceNames));
    }

    [Fact]
    public async Task If_empty_leaves_a_store_that_already_has_feedback_alone()
    {
        await SeedCommand.RunAsync(Line("--synthetic", "20"), _store, Pack, TimeProvider.System, TextWriter.Null, CancellationToken.None);
        using var output = new StringWriter();

        await SeedCommand.RunAsync(Line("--synthetic", "20", "--if-empty"), _store, Pack, TimeProvider.System, output, CancellationToken.None);

        Assert.Equal(20, (await new SqliteTriageStore(_database).CountAsync(new InboxFilter(), CancellationToken.None)).Total);
        Assert.Contains("nothing added", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    public async Task A_count_that_is_not_a_positive_number_is_a_usage_error(string count)
    {
        await Assert.ThrowsAsync<UsageException>(() => SeedCommand.RunAsync(Line("--synthetic", count), _store, Pack, TimeProvider.System, TextWriter.Null, CancellationToken.None));
    }

    private static CommandLine Line(params string[] args) => CommandLine.Parse(args, new HashSet<string> { "if-empty" });
}
