using Microsoft.Data.Sqlite;
using QualityVoice.Analysis;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;
using QualityVoice.Feedback.Triage;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Triage;

/// <summary>
/// The counts the inbox and dashboard read are kept by triggers; after any mix of arrivals, analysis, staff
/// corrections and status changes they must equal what counting the items themselves gives.
/// </summary>
public sealed class SqliteRollupTests : IAsyncLifetime
{
    private static readonly string[] Themes = ["Parking", "Timeliness of care", "Staff manner & personal attributes", "Discharge"];
    private static readonly DateTimeOffset Start = new(2026, 3, 30, 22, 0, 0, TimeSpan.Zero); // a week and a month boundary close by

    private readonly TemporaryDirectory _folder = new();
    private SqliteDatabase _database = null!;
    private SqliteFeedbackStore _store = null!;
    private SqliteTriageStore _triage = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(_folder.File("feedback.db"), SqliteFeedbackStore.Migrations);
        await _database.MigrateAsync();
        _store = new SqliteFeedbackStore(_database);
        _triage = new SqliteTriageStore(_database);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Items_stored_with_the_framework_s_misspelling_are_renamed_with_their_counts()
    {
        const string Misspelt = "Referals & continuity of care";
        const string Corrected = "Referrals & continuity of care";
        var record = Record(new Random(2), 0);
        var analysis = new FeedbackAnalysis(
            Sentiment.Negative, -0.5, [new ThemePrediction(Misspelt, 0.9)], [], [], null, "improve", [], false, [], "test", "model-1", Start);
        await _store.ImportAsync([new ImportedFeedback(record, analysis, TriageStatus.New)], CancellationToken.None);

        await using (var connection = await _database.OpenAsync())
        {
            await using var rename = connection.CreateCommand();
            rename.CommandText = SqliteFeedbackStore.Migrations.Scripts.Single(script => script.Name.Contains("referrals", StringComparison.Ordinal)).Sql;
            await rename.ExecuteNonQueryAsync();
        }

        var item = await _triage.GetAsync(record.Reference, CancellationToken.None);
        Assert.Equal([Corrected], item!.Themes.Select(theme => theme.Name));
        Assert.Equal([Corrected], item.Item.Analysis!.Themes.Select(theme => theme.Name));
        Assert.Single((await _triage.SearchAsync(new InboxFilter { Theme = Corrected }, InboxOrder.Newest, null, 10, CancellationToken.None)).Rows);
        await AssertCountsMatchAsync();
    }

    [Fact]
    public async Task A_theme_is_counted_by_the_feeling_about_it_until_staff_correct_the_item_s_feeling()
    {
        var record = Record(new Random(1), 0);
        var analysis = new FeedbackAnalysis(
            Sentiment.Mixed, 0, [new ThemePrediction("Staff manner & personal attributes", 0.9), new ThemePrediction("Timeliness of care", 0.8)], [], [],
            "good", "improve", [], false, [], "test", "model-1", Start,
            ThemeSentiments: [new ThemeSentiment("Staff manner & personal attributes", Sentiment.Positive), new ThemeSentiment("Timeliness of care", Sentiment.Negative)]);
        await _store.ImportAsync([new ImportedFeedback(record, analysis, TriageStatus.New)], CancellationToken.None);

        var item = await _triage.GetAsync(record.Reference, CancellationToken.None);
        Assert.Equal(Sentiment.Positive, item!.SentimentAbout("Staff manner & personal attributes"));
        Assert.Equal(Sentiment.Negative, item.SentimentAbout("Timeliness of care"));
        Assert.Single((await _triage.SearchAsync(new InboxFilter { Theme = "Timeliness of care", Sentiment = Sentiment.Negative }, InboxOrder.Newest, null, 10, CancellationToken.None)).Rows);
        Assert.Empty((await _triage.SearchAsync(new InboxFilter { Theme = "Staff manner & personal attributes", Sentiment = Sentiment.Negative }, InboxOrder.Newest, null, 10, CancellationToken.None)).Rows);
        await AssertCountsMatchAsync();

        // Staff keep a theme and add one: the kept one keeps its feeling, the added one takes the item's.
        await _triage.CorrectThemesAsync(record.Reference, ["Timeliness of care", "Parking"], "staff@example.nhs.uk", Start, CancellationToken.None);
        item = await _triage.GetAsync(record.Reference, CancellationToken.None);
        Assert.Equal(Sentiment.Negative, item!.SentimentAbout("Timeliness of care"));
        Assert.Equal(Sentiment.Mixed, item.SentimentAbout("Parking"));
        await AssertCountsMatchAsync();

        // A person's reading of the item's feeling replaces the model's about every theme.
        await _triage.CorrectSentimentAsync(record.Reference, Sentiment.Positive, "staff@example.nhs.uk", Start, CancellationToken.None);
        item = await _triage.GetAsync(record.Reference, CancellationToken.None);
        Assert.All(item!.Themes, theme => Assert.Equal(Sentiment.Positive, item.SentimentAbout(theme.Name)));
        await AssertCountsMatchAsync();
    }

    [Fact]
    public async Task The_counts_match_the_items_after_arrivals_analysis_corrections_and_triage()
    {
        var random = new Random(42);
        var references = new List<string>();

        // Items imported already analysed, and items that arrive and wait for analysis.
        var imported = Enumerable.Range(0, 60).Select(n => new ImportedFeedback(
            Record(random, n), Analysis(random), TriageStatus.New)).ToArray();
        await _store.ImportAsync(imported, CancellationToken.None);
        references.AddRange(imported.Select(item => item.Record.Reference));
        for (var n = 60; n < 100; n++)
        {
            var record = Record(random, n);
            await _store.AddAsync(record, CancellationToken.None);
            references.Add(record.Reference);
        }

        await AssertCountsMatchAsync();

        // The analysis worker analyses what arrived, then everything again under a new model.
        var claimed = await _store.ClaimForAnalysisAsync(100, "lease-1", Start, TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.Equal(claimed.Count, await _store.SaveAnalysesAsync("lease-1", [.. claimed.Select(pending => new AnalysedItem(pending.Reference, Analysis(random)))], CancellationToken.None));

        await AssertCountsMatchAsync();

        // Staff correct, move and assign.
        for (var n = 0; n < 40; n++)
        {
            var reference = references[random.Next(references.Count)];
            switch (n % 4)
            {
                case 0:
                    await _triage.CorrectSentimentAsync(reference, (Sentiment)random.Next(4), "staff@example.nhs.uk", Start, CancellationToken.None);
                    break;
                case 1:
                    await _triage.CorrectThemesAsync(reference, Themes.Where(_ => random.Next(2) == 0).DefaultIfEmpty("Not assigned").ToArray(), "staff@example.nhs.uk", Start, CancellationToken.None);
                    break;
                case 2:
                    await _triage.ChangeStatusAsync([reference], (TriageStatus)random.Next(1, 5), "Duplicate", "staff@example.nhs.uk", Start, CancellationToken.None);
                    break;
                default:
                    await _triage.AssignAsync([reference], "owner@example.nhs.uk", "staff@example.nhs.uk", Start, CancellationToken.None);
                    break;
            }
        }

        await _store.RequeueForAnalysisAsync("model-2", TimeProvider.System.GetUtcNow(), CancellationToken.None);
        var reclaimed = await _store.ClaimForAnalysisAsync(200, "lease-2", Start, TimeSpan.FromMinutes(2), CancellationToken.None);
        await _store.SaveAnalysesAsync("lease-2", [.. reclaimed.Select(pending => new AnalysedItem(pending.Reference, Analysis(random) with { ModelVersion = "model-2" }))], CancellationToken.None);

        await AssertCountsMatchAsync();
    }

    private async Task AssertCountsMatchAsync()
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        const string Month = "strftime('%Y-%m', i.submitted_at / 1000, 'unixepoch')";
        const string Week = "date(i.submitted_at / 1000, 'unixepoch', 'weekday 0', '-6 days')";
        const string Sentiment = "coalesce(i.sentiment, '')";
        const string About = "coalesce(t.sentiment, i.sentiment)"; // the feeling about the theme, where one was read
        (string Rollup, string Counted)[] pairs =
        [
            ("SELECT service_id, kind, fft_rating, status, sentiment, urgent, n FROM feedback_totals WHERE n <> 0",
             $"SELECT service_id, kind, fft_rating, status, {Sentiment}, urgent, count(*) FROM feedback_items i GROUP BY 1, 2, 3, 4, 5, 6"),
            ("SELECT month, service_id, fft_rating, sentiment, n FROM monthly_counts WHERE n <> 0",
             $"SELECT {Month}, service_id, fft_rating, {Sentiment}, count(*) FROM feedback_items i GROUP BY 1, 2, 3, 4"),
            ("SELECT month, service_id, theme, positive, neutral, negative, mixed, total FROM theme_counts WHERE total <> 0",
             $"SELECT {Month}, i.service_id, t.theme, sum({About} IS 'positive'), sum({About} IS 'neutral'), sum({About} IS 'negative'), sum({About} IS 'mixed'), count(*) FROM feedback_items i JOIN feedback_themes t ON t.item_id = i.id GROUP BY 1, 2, 3"),
            ("SELECT week, service_id, theme, negative, total FROM theme_weeks WHERE total <> 0",
             $"SELECT {Week}, i.service_id, t.theme, sum({About} IS 'negative'), count(*) FROM feedback_items i JOIN feedback_themes t ON t.item_id = i.id GROUP BY 1, 2, 3"),
        ];
        foreach (var (rollup, counted) in pairs)
        {
            Assert.Equal(await RowsAsync(connection, counted), await RowsAsync(connection, rollup));
        }
    }

    private static async Task<List<string>> RowsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static FeedbackRecord Record(Random random, int n) => FeedbackRecords.Record(
        submittedAt: Start.AddHours(n * 7),
        feedback: FeedbackRecords.Feedback($"comment {n}") with
        {
            ServiceId = random.Next(2) == 0 ? "rtd-ae" : "rtd-wards",
            FftRating = (FftRating)random.Next(6),
            Kind = (FeedbackKind)random.Next(3),
        });

    private static FeedbackAnalysis Analysis(Random random)
    {
        var themes = Themes.Where(_ => random.Next(3) == 0).Select(theme => new ThemePrediction(theme, 0.7)).ToArray();
        var urgent = random.Next(10) == 0;
        var feelings = themes.Where(_ => random.Next(2) == 0).Select(theme => new ThemeSentiment(theme.Name, (Sentiment)random.Next(4))).ToArray();
        return new FeedbackAnalysis(
            (Sentiment)random.Next(4), 0.5, themes, [], [], "good", "improve", [], urgent, urgent ? ["neglect"] : [], "test", "model-1", Start, ThemeSentiments: feelings);
    }
}
