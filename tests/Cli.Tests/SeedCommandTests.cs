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
        Assert.Equal(0, (await _store.ReadAnalysisBacklogAsync(CancellationToken.None)).Waiting);
        Assert.InRange(counts.ByFacet["service"].Count(pair => pair.Value > 0), 10, 1000);
        Assert.True(counts.ByFacet["sentiment"]["positive"] > 0 && counts.ByFacet["sentiment"]["negative"] > 0);
        var page = await triage.SearchAsync(new InboxFilter(), InboxOrder.Newest, null, 5, CancellationToken.None);
        Assert.All(page.Rows, row => Assert.NotEmpty(row.Themes));
        var serviceNames = Pack.Organisations.SelectMany(organisation => organisation.Services).Select(service => service.FullName).ToHashSet();
        Assert.All(page.Rows, row => Assert.Contains(row.ServiceName, serviceNames));
    }

    [Fact]
    public async Task A_demonstration_from_labelled_comments_keeps_each_comment_s_rating_and_labels_and_plants_a_rise_the_early_warnings_find()
    {
        var file = _folder.File("labelled.csv");
        await WriteLabelledAsync(file);
        using var output = new StringWriter();

        await SeedCommand.RunAsync(Line("--comments", file), _store, Pack, TimeProvider.System, output, CancellationToken.None);

        var triage = new SqliteTriageStore(_database);
        var counts = await triage.CountAsync(new InboxFilter(), CancellationToken.None);
        Assert.Equal(110, counts.Total);
        Assert.Contains("'Parking' turns negative at", output.ToString(), StringComparison.Ordinal);

        // Each item keeps its own rating and the labellers' sentiment: no "very good" answer reads as a complaint.
        var veryGood = await triage.SearchAsync(new InboxFilter { Fft = FftRating.VeryGood }, InboxOrder.Newest, null, 100, CancellationToken.None);
        Assert.Equal(60, veryGood.Rows.Count);
        Assert.All(veryGood.Rows, row => Assert.Equal(QualityVoice.Analysis.Sentiment.Positive, row.Sentiment));
        Assert.All(veryGood.Rows, row => Assert.Equal(["Parking"], row.Themes));

        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var weeks = await new SqliteInsightQueries(_database).WeeklyThemesAsync(
            QualityVoice.Feedback.Insight.EarlyWarnings.BaselineFrom(today), QualityVoice.Feedback.Insight.EarlyWarnings.WeekOf(today), CancellationToken.None);
        var warning = Assert.Single(QualityVoice.Feedback.Insight.EarlyWarnings.Detect(weeks, today));
        Assert.Equal(("Parking", Pack.Organisations[0].Services[0].Id), (warning.Theme, warning.ServiceId));
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

    /// <summary>A small file in the labelled comments' shape: praise and complaints about parking, praise for staff, and rows left out.</summary>
    internal static async Task WriteLabelledAsync(string file)
    {
        var rows = new List<string>
        {
            "Comment ID,Trust,Respondent ID,Date,Service type 1,Service type 2,FFT categorical answer,FFT question,FFT answer,Person identifiable info?,Comment sentiment,Parking,Staff manner & personal attributes",
        };
        for (var i = 0; i < 60; i++)
        {
            rows.Add($"{i},T,{i},2022-01-01,A,B,1,What was good?,\"Parking was easy and close to the door, visit {i}\",,1,1,0");
        }

        for (var i = 0; i < 20; i++)
        {
            rows.Add($"p{i},T,p{i},2022-01-01,A,B,5,What could we do better?,\"Could not find a parking space for an hour, visit {i}\",,5,1,0");
        }

        for (var i = 0; i < 30; i++)
        {
            rows.Add($"s{i},T,s{i},2022-01-01,A,B,2,FFT Why?,\"The nurses were kind and listened to me, visit {i}\",,2,0,1");
        }

        rows.Add("x1,T,x1,2022-01-01,A,B,1,What was good?,Nothing,,1,0,0");
        rows.Add("x2,T,x2,2022-01-01,A,B,7,What was good?,\"The nurses were kind and listened to me, visit 0\",,1,0,1");
        await File.WriteAllLinesAsync(file, rows);
    }
}
