using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using QualityVoice.Analysis;
using QualityVoice.Feedback.Outbox;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tests.Storage;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Outbox;

public sealed class FeedbackAnalyserTests : IAsyncLifetime
{
    private static readonly ThemeTaxonomy Taxonomy = new([
        new ThemeMapping("Timeliness of care", "Access to medical care & support", "patient-safety", ["Safe", "Responsive"]),
        new ThemeMapping("Staff manner & personal attributes", "Staff", "culture-and-climate", ["Caring"]),
    ]);

    private readonly TemporaryDirectory _folder = new();
    private readonly ManualTimeProvider _clock = new();
    private SqliteFeedbackStore _store = null!;

    public async Task InitializeAsync()
    {
        var database = new SqliteDatabase(_folder.File("feedback.db"), SqliteFeedbackStore.Migrations);
        await database.MigrateAsync();
        _store = new SqliteFeedbackStore(database);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Pending_items_are_analysed_and_stored_with_redacted_text_themes_and_strategic_themes()
    {
        var record = FeedbackRecords.Record(feedback: FeedbackRecords.Feedback("The wait was long, call me on 07700 900123") with { WhatWasGood = "Kind staff" });
        await _store.AddAsync(record, CancellationToken.None);

        var stored = await Analyser(new ScriptedAnalyzer()).AnalyseBatchAsync(10, CancellationToken.None);

        Assert.Equal(1, stored);
        var item = await _store.FindAsync(record.Reference, CancellationToken.None);
        Assert.Equal(AnalysisState.Done, item!.AnalysisState);
        var analysis = item.Analysis!;
        Assert.Equal("The wait was long, call me on [phone number]", analysis.RedactedWhatCouldImprove);
        Assert.Equal([new FieldPii("whatCouldImprove", "phone number", 30, 12)], analysis.Pii);
        Assert.Equal(Sentiment.Mixed, analysis.Sentiment);
        Assert.Equal(["Timeliness of care", "Staff manner & personal attributes"], analysis.Themes.Select(theme => theme.Name));
        Assert.Equal(["patient-safety", "culture-and-climate"], analysis.StrategicThemes);
        Assert.Equal(["Safe", "Caring", "Responsive"], analysis.CqcQuestions);
        Assert.Equal("scripted", analysis.Analyzer);
        Assert.Equal("v1", analysis.ModelVersion);
        Assert.Equal(0, (await _store.ReadAnalysisBacklogAsync(CancellationToken.None)).Waiting);
    }

    [Fact]
    public async Task The_analysis_span_links_to_the_intake_span_of_each_item_it_analysed()
    {
        const string TraceId = "0af7651916cd43dd8448eb211c80319c";
        var record = FeedbackRecords.Record() with { TraceParent = $"00-{TraceId}-b7ad6b7169203331-01" };
        var untraced = FeedbackRecords.Record();
        await _store.AddAsync(record, CancellationToken.None);
        await _store.AddAsync(untraced, CancellationToken.None);
        var batches = new System.Collections.Concurrent.ConcurrentQueue<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == Operations.QualityVoiceTelemetry.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => batches.Enqueue(activity),
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        Assert.Equal(2, await Analyser(new ScriptedAnalyzer()).AnalyseBatchAsync(10, CancellationToken.None));

        var batch = Assert.Single(batches, activity => activity.OperationName == "analysis.batch" && activity.Links.Any(link => link.Context.TraceId.ToHexString() == TraceId));
        var link = Assert.Single(batch.Links);
        Assert.Equal("b7ad6b7169203331", link.Context.SpanId.ToHexString());
        Assert.Empty(FeedbackAnalyser.IntakeSpans([new PendingAnalysis("QV-AAAA-AAAA", null, "x", FftRating.Good, 1, "not a traceparent")]));
    }

    [Fact]
    public async Task Each_answer_is_analysed_with_the_question_it_answers_and_the_fft_answer_given_with_it()
    {
        var analyzer = new ScriptedAnalyzer();
        await _store.AddAsync(FeedbackRecords.Record(feedback: FeedbackRecords.Feedback("Better signs") with { WhatWasGood = "Kind staff", FftRating = FftRating.Poor }), CancellationToken.None);

        await Analyser(analyzer).AnalyseBatchAsync(10, CancellationToken.None);

        Assert.Equal([QuestionKind.WhatWasGood, QuestionKind.WhatCouldImprove], analyzer.Seen.Select(text => text.Question));
        Assert.All(analyzer.Seen, text => Assert.Equal(FftAnswer.Poor, text.Fft));
    }

    [Fact]
    public async Task An_item_without_words_takes_its_sentiment_from_the_fft_answer()
    {
        var record = FeedbackRecords.Record(feedback: FeedbackRecords.Feedback(null) with { WhatWasGood = null, FftRating = FftRating.VeryPoor });
        await _store.AddAsync(record, CancellationToken.None);

        await Analyser(new ScriptedAnalyzer()).AnalyseBatchAsync(10, CancellationToken.None);

        var analysis = (await _store.FindAsync(record.Reference, CancellationToken.None))!.Analysis!;
        Assert.Equal(Sentiment.Negative, analysis.Sentiment);
        Assert.Empty(analysis.Themes);
    }

    [Fact]
    public async Task A_worker_that_dies_mid_analysis_leaves_the_item_to_be_claimed_again_when_its_lease_runs_out()
    {
        var record = FeedbackRecords.Record();
        await _store.AddAsync(record, CancellationToken.None);
        var crashed = await _store.ClaimForAnalysisAsync(10, "worker-that-died", _clock.GetUtcNow(), FeedbackAnalyser.Lease, CancellationToken.None);
        Assert.Single(crashed);

        Assert.Equal(0, await Analyser(new ScriptedAnalyzer()).AnalyseBatchAsync(10, CancellationToken.None));

        _clock.Advance(FeedbackAnalyser.Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Analyser(new ScriptedAnalyzer()).AnalyseBatchAsync(10, CancellationToken.None));

        // The first worker wakes up and tries to store its result: refused, so the item is analysed once, visibly.
        var late = AnalysisComposer.Compose(crashed[0], null, null, Taxonomy, "late", "v0", _clock.GetUtcNow());
        Assert.Equal(0, await _store.SaveAnalysesAsync("worker-that-died", [new(record.Reference, late)], CancellationToken.None));
        Assert.Equal("scripted", (await _store.FindAsync(record.Reference, CancellationToken.None))!.Analysis!.Analyzer);
    }

    [Fact]
    public async Task An_analyzer_that_keeps_failing_is_given_up_after_five_attempts_and_reanalysis_tries_again()
    {
        var record = FeedbackRecords.Record();
        await _store.AddAsync(record, CancellationToken.None);
        var failing = Analyser(new ScriptedAnalyzer { Fail = true });
        for (var attempt = 0; attempt < FeedbackAnalyser.MaxAttempts; attempt++)
        {
            Assert.Equal(0, await failing.AnalyseBatchAsync(10, CancellationToken.None));
            _clock.Advance(FeedbackAnalyser.Lease + TimeSpan.FromSeconds(1));
        }

        var item = await _store.FindAsync(record.Reference, CancellationToken.None);
        Assert.Equal(AnalysisState.Failed, item!.AnalysisState);
        Assert.Equal(0, (await _store.ReadAnalysisBacklogAsync(CancellationToken.None)).Waiting);

        Assert.Equal(1, await _store.RequeueForAnalysisAsync("v1", _clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal(1, await Analyser(new ScriptedAnalyzer()).AnalyseBatchAsync(10, CancellationToken.None));
        Assert.Equal(AnalysisState.Done, (await _store.FindAsync(record.Reference, CancellationToken.None))!.AnalysisState);
    }

    [Fact]
    public async Task Reanalysis_queues_only_what_another_model_analysed()
    {
        await _store.AddAsync(FeedbackRecords.Record(), CancellationToken.None);
        await _store.AddAsync(FeedbackRecords.Record(), CancellationToken.None);
        await Analyser(new ScriptedAnalyzer()).AnalyseBatchAsync(10, CancellationToken.None);

        Assert.Equal(0, await _store.RequeueForAnalysisAsync("v1", _clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal(2, await _store.RequeueForAnalysisAsync("v2", _clock.GetUtcNow(), CancellationToken.None));
    }

    private FeedbackAnalyser Analyser(ITextAnalyzer analyzer) =>
        new(_store, analyzer, Taxonomy, _clock, NullLogger<FeedbackAnalyser>.Instance);

    /// <summary>An analyzer whose answers the tests know: negative for "wait", themes by keyword, PII by the real redactor.</summary>
    private sealed class ScriptedAnalyzer : ITextAnalyzer
    {
        public bool Fail { get; init; }

        public List<TextToAnalyse> Seen { get; } = [];

        public string Name => "scripted";

        public string ModelVersion => "v1";

        public Task<IReadOnlyList<TextAnalysis>> AnalyzeAsync(IReadOnlyList<TextToAnalyse> texts, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new HttpRequestException("service unavailable");
            }

            Seen.AddRange(texts);
            return Task.FromResult<IReadOnlyList<TextAnalysis>>(texts.Select(text =>
            {
                var negative = text.Text.Contains("wait", StringComparison.OrdinalIgnoreCase);
                var theme = negative ? new ThemePrediction("Timeliness of care", 0.9) : new ThemePrediction("Staff manner & personal attributes", 0.8);
                var (redacted, pii) = QualityVoice.Analysis.Pii.PiiRedactor.Redact(text.Text);
                return new TextAnalysis(negative ? Sentiment.Negative : Sentiment.Positive, negative ? -0.8 : 0.8, [theme], redacted, pii, false, []);
            }).ToArray());
        }
    }
}
