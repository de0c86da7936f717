using QualityVoice.Analysis;
using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Tests.Insight;

/// <summary>
/// The dashboard's, early warnings', FFT return's and open data's counts, on each store: after arrivals across month
/// and week boundaries, items not yet analysed, feelings about single themes and staff corrections, every count equals
/// what counting the items themselves gives (the same oracle for both stores, so the stores agree with each other).
/// </summary>
public abstract class InsightQueriesContract
{
    private static readonly string[] Themes = ["Parking", "Timeliness of care", "Staff manner & personal attributes", "Discharge"];
    private static readonly string[] Services = ["rvi-ae", "rtd-wards", "other"];
    private static readonly DateTimeOffset Start = new(2026, 8, 28, 22, 0, 0, TimeSpan.Zero); // a week and a month boundary close by

    /// <summary>The stores of a new, empty database.</summary>
    protected abstract Task<(IFeedbackStore Feedback, ITriageStore Triage, IInsightQueries Insight)> CreateStoresAsync();

    [Fact]
    public async Task Equality_answers_are_counted_by_month_and_service_apart_from_the_feedback()
    {
        var (feedback, _, insight) = await CreateStoresAsync();
        (DateTimeOffset At, string Service, EqualityMonitoring? Answers)[] given =
        [
            (Start, "rvi-ae", new EqualityMonitoring("16-24", "female", null, "white", "yes", null, null)),
            (Start.AddHours(1), "rvi-ae", new EqualityMonitoring("75-84", null, null, "asian", "prefer-not-to-say", null, null)),
            (Start.AddHours(2), "rtd-wards", new EqualityMonitoring("16-24", "male", "yes", null, "no", "none", "straight")),
            (Start.AddHours(3), "rtd-wards", null),

            // A month later (Start is 28 August): counted only when September is asked for.
            (Start.AddDays(10), "rvi-ae", new EqualityMonitoring("16-24", null, null, null, null, null, null)),
        ];
        foreach (var (at, service, answers) in given)
        {
            var record = FeedbackRecords.Record(submittedAt: at, feedback: new NewFeedback(FeedbackKind.Patient, service, service, FftRating.Good, "Fine", null, null, CollectionMode.Online, null, answers));
            await feedback.AddAsync(record, CancellationToken.None);
        }

        var august = YearMonth.Of(Start);
        var all = await insight.EqualityAsync(august, august, null, CancellationToken.None);
        var ae = await insight.EqualityAsync(august, august, "rvi-ae", CancellationToken.None);
        var both = await insight.EqualityAsync(august, august.AddMonths(1), null, CancellationToken.None);

        int Count(IReadOnlyList<EqualityAnswerCount> counts, string question, string? answer) =>
            counts.Where(count => count.Question == question && count.Answer == answer).Sum(count => count.Count);
        Assert.Equal(2, Count(all, "age", "16-24"));
        Assert.Equal(1, Count(all, "age", "75-84"));
        Assert.Equal(1, Count(all, "disability", "prefer-not-to-say"));
        Assert.Equal((1, 1, 1), (Count(all, "sex", "female"), Count(all, "sex", "male"), Count(all, "sex", null)));
        Assert.Equal(2, Count(all, "religion", null));
        Assert.Equal(3, all.Where(count => count.Question == "ethnicity").Sum(count => count.Count));
        Assert.Equal(1, Count(ae, "age", "16-24"));
        Assert.Equal(2, ae.Where(count => count.Question == "age").Sum(count => count.Count));
        Assert.Equal(3, Count(both, "age", "16-24"));
    }

    [Fact]
    public async Task Every_count_equals_counting_the_items()
    {
        var (feedback, triage, insight) = await CreateStoresAsync();
        var random = new Random(20261130);
        var items = new List<Expected>();
        for (var i = 0; i < 60; i++)
        {
            var at = Start.AddHours(i * 31 % 1500);
            var service = Services[random.Next(Services.Length)];
            var fft = (FftRating)random.Next(6);
            var mode = random.Next(4) == 0 ? CollectionMode.Paper : CollectionMode.Online;
            var record = FeedbackRecords.Record(submittedAt: at, feedback: new NewFeedback(FeedbackKind.Patient, service, service.ToUpperInvariant(), fft, null, "Some words", null, mode));
            if (i % 10 == 9)
            {
                // Arrived, not analysed yet: counted with no sentiment and no themes.
                await feedback.AddAsync(record, CancellationToken.None);
                items.Add(new Expected(record.Reference, at, service, fft, mode, null, [], []));
                continue;
            }

            var sentiment = (Sentiment)random.Next(4);
            var themes = Themes.Where(_ => random.Next(3) == 0).ToArray();
            var feelings = themes.Where(_ => random.Next(2) == 0).Select(theme => new ThemeSentiment(theme, (Sentiment)random.Next(4))).ToArray();
            var analysis = new FeedbackAnalysis(
                sentiment, 0, themes.Select(theme => new ThemePrediction(theme, 0.8)).ToArray(), [], [], null, "Some words", [], false, [], "test", "model-1", at, ThemeSentiments: feelings);
            if (i % 10 == 4)
            {
                // Arrived, then analysed by the worker: the counts move from "not analysed" to what it found.
                await feedback.AddAsync(record, CancellationToken.None);
                var lease = $"lease-{i}";
                var claimed = await feedback.ClaimForAnalysisAsync(100, lease, Start.AddHours(1500), TimeSpan.FromMinutes(5), CancellationToken.None);
                Assert.Contains(record.Reference, claimed.Select(item => item.Reference));
                Assert.Equal(1, await feedback.SaveAnalysesAsync(lease, [new AnalysedItem(record.Reference, analysis)], CancellationToken.None));
            }
            else
            {
                await feedback.ImportAsync([new ImportedFeedback(record, analysis, TriageStatus.New)], CancellationToken.None);
            }

            items.Add(new Expected(record.Reference, at, service, fft, mode, sentiment, themes, feelings));
        }

        // Staff corrections move the counts: a corrected feeling sets aside the feelings about single themes; corrected
        // themes keep the feelings of the themes kept. Two members of staff correct the same items at once (the
        // feeling and the themes, each change applied to whatever the other left), and some corrections are made
        // twice: the counts still equal counting the items.
        var corrections = new List<Task>();
        for (var i = 0; i < items.Count; i += 7)
        {
            var item = items[i];
            if (item.Sentiment is null)
            {
                continue;
            }

            string[] kept = [.. item.Themes.Take(1), "Discharge"];
            kept = kept.Distinct().ToArray();
            corrections.Add(triage.CorrectSentimentAsync(item.Reference, Sentiment.Negative, "quality@example.nhs.uk", Start, CancellationToken.None));
            corrections.Add(triage.CorrectThemesAsync(item.Reference, kept, "engagement@example.nhs.uk", Start, CancellationToken.None));
            if (i % 2 == 0)
            {
                corrections.Add(triage.CorrectThemesAsync(item.Reference, kept, "engagement@example.nhs.uk", Start, CancellationToken.None));
            }

            items[i] = item with { Sentiment = Sentiment.Negative, Themes = kept, Feelings = [] };
        }

        await Task.WhenAll(corrections);

        var (from, to) = (YearMonth.Of(Start), YearMonth.Of(Start.AddHours(1500)));
        Assert.Equal(ExpectedMonthly(items, null), Sorted(await insight.MonthlyAsync(from, to, null, CancellationToken.None)));
        Assert.Equal(ExpectedMonthly(items, "rvi-ae"), Sorted(await insight.MonthlyAsync(from, to, "rvi-ae", CancellationToken.None)));
        Assert.Equal(ExpectedThemes(items, null), Sorted(await insight.ThemesAsync(from, to, null, CancellationToken.None)));
        Assert.Equal(ExpectedThemes(items, "rtd-wards"), Sorted(await insight.ThemesAsync(from, to, "rtd-wards", CancellationToken.None)));
        var (firstWeek, lastWeek) = (WeekOf(Start.AddDays(7)), WeekOf(Start.AddDays(42)));
        Assert.Equal(ExpectedWeeks(items, firstWeek, lastWeek), Sorted(await insight.WeeklyThemesAsync(firstWeek, lastWeek, CancellationToken.None)));
        Assert.Equal(ExpectedReturn(items, YearMonth.Of(Start.AddDays(10))), await insight.FftReturnAsync(YearMonth.Of(Start.AddDays(10)), CancellationToken.None));
    }

    private static MonthlyCount[] ExpectedMonthly(List<Expected> items, string? service) => items
        .Where(item => service is null || item.Service == service)
        .GroupBy(item => (Month: YearMonth.Of(item.At), item.Service, item.Fft, Sentiment: item.Sentiment is { } s ? WireName<Sentiment>.Of(s) : string.Empty))
        .Select(group => new MonthlyCount(group.Key.Month, group.Key.Service, group.Key.Fft, group.Key.Sentiment, group.Count()))
        .OrderBy(row => row.Month.ToString(), StringComparer.Ordinal).ThenBy(row => row.ServiceId, StringComparer.Ordinal)
        .ThenBy(row => WireName<FftRating>.Of(row.Fft), StringComparer.Ordinal).ThenBy(row => row.Sentiment, StringComparer.Ordinal)
        .ToArray();

    private static MonthlyCount[] Sorted(IReadOnlyList<MonthlyCount> rows) => rows
        .OrderBy(row => row.Month.ToString(), StringComparer.Ordinal).ThenBy(row => row.ServiceId, StringComparer.Ordinal)
        .ThenBy(row => WireName<FftRating>.Of(row.Fft), StringComparer.Ordinal).ThenBy(row => row.Sentiment, StringComparer.Ordinal)
        .ToArray();

    private static ThemeCount[] ExpectedThemes(List<Expected> items, string? service) => items
        .Where(item => service is null || item.Service == service)
        .SelectMany(item => item.Mentions().Select(mention => (Month: YearMonth.Of(item.At), item.Service, mention.Theme, mention.Feeling)))
        .GroupBy(mention => (mention.Month, mention.Service, mention.Theme))
        .Select(group => new ThemeCount(
            group.Key.Month, group.Key.Service, group.Key.Theme,
            group.Count(m => m.Feeling == Sentiment.Positive), group.Count(m => m.Feeling == Sentiment.Neutral),
            group.Count(m => m.Feeling == Sentiment.Negative), group.Count(m => m.Feeling == Sentiment.Mixed), group.Count()))
        .OrderBy(row => row.Month.ToString(), StringComparer.Ordinal).ThenBy(row => row.ServiceId, StringComparer.Ordinal).ThenBy(row => row.Theme, StringComparer.Ordinal)
        .ToArray();

    private static ThemeCount[] Sorted(IReadOnlyList<ThemeCount> rows) => rows
        .OrderBy(row => row.Month.ToString(), StringComparer.Ordinal).ThenBy(row => row.ServiceId, StringComparer.Ordinal).ThenBy(row => row.Theme, StringComparer.Ordinal)
        .ToArray();

    private static WeeklyThemeCount[] ExpectedWeeks(List<Expected> items, DateOnly from, DateOnly to) => items
        .Where(item => WeekOf(item.At) >= from && WeekOf(item.At) <= to)
        .SelectMany(item => item.Mentions().Select(mention => (Week: WeekOf(item.At), item.Service, mention.Theme, mention.Feeling)))
        .GroupBy(mention => (mention.Week, mention.Service, mention.Theme))
        .Select(group => new WeeklyThemeCount(group.Key.Week, group.Key.Service, group.Key.Theme, group.Count(m => m.Feeling == Sentiment.Negative), group.Count()))
        .OrderBy(row => row.Week).ThenBy(row => row.ServiceId, StringComparer.Ordinal).ThenBy(row => row.Theme, StringComparer.Ordinal)
        .ToArray();

    private static WeeklyThemeCount[] Sorted(IReadOnlyList<WeeklyThemeCount> rows) => rows
        .OrderBy(row => row.Week).ThenBy(row => row.ServiceId, StringComparer.Ordinal).ThenBy(row => row.Theme, StringComparer.Ordinal)
        .ToArray();

    private static FftReturnCount[] ExpectedReturn(List<Expected> items, YearMonth month) => items
        .Where(item => YearMonth.Of(item.At) == month)
        .GroupBy(item => (item.Service, item.Mode, item.Fft))
        .Select(group => new FftReturnCount(group.Key.Service, group.Key.Service.ToUpperInvariant(), group.Key.Mode, group.Key.Fft, group.Count()))
        .OrderBy(row => row.ServiceId, StringComparer.Ordinal).ThenBy(row => WireName<CollectionMode>.Of(row.Mode), StringComparer.Ordinal)
        .ThenBy(row => WireName<FftRating>.Of(row.Fft), StringComparer.Ordinal)
        .ToArray();

    private static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private sealed record Expected(
        string Reference, DateTimeOffset At, string Service, FftRating Fft, CollectionMode Mode, Sentiment? Sentiment, string[] Themes, ThemeSentiment[] Feelings)
    {
        public IEnumerable<(string Theme, Sentiment? Feeling)> Mentions() =>
            Themes.Select(theme => (theme, Feelings.FirstOrDefault(feeling => feeling.Theme == theme)?.Sentiment ?? Sentiment));
    }
}

/// <summary>The insight contract on the embedded SQLite store.</summary>
public sealed class SqliteInsightQueriesTests : InsightQueriesContract, IAsyncLifetime
{
    private readonly SqliteDatabases _databases = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();

    protected override async Task<(IFeedbackStore, ITriageStore, IInsightQueries)> CreateStoresAsync()
    {
        var (database, store) = await _databases.CreateAsync();
        return (store, new SqliteTriageStore(database), new SqliteInsightQueries(database));
    }
}

/// <summary>The insight contract on Cosmos DB: the protocol peer on loopback, or COSMOS_ENDPOINT.</summary>
[Collection(CosmosCollection.Name)]
public sealed class CosmosInsightQueriesTests(CosmosAccountFixture account) : InsightQueriesContract
{
    protected override async Task<(IFeedbackStore, ITriageStore, IInsightQueries)> CreateStoresAsync()
    {
        var containers = await account.Server.CreateDatabaseAsync();
        return (new CosmosFeedbackStore(containers), new CosmosTriageStore(containers), new CosmosInsightQueries(containers));
    }
}
