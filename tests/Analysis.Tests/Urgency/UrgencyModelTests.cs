using QualityVoice.Analysis.Embeddings;
using QualityVoice.Analysis.Urgency;
using QualityVoice.TestSupport;

namespace QualityVoice.Analysis.Tests.Urgency;

/// <summary>
/// The shipped urgency model against the labelled set's held-aside comments, as docs/clinical-safety.md reports them:
/// a model that misses a suicide or self-harm comment, or more than one urgent comment in twenty, must not ship.
/// </summary>
public sealed class UrgencyModelTests
{
    private static readonly string SetPath = Path.Combine(Repository.Root, "data", "urgency", "urgency-set.csv");

    [Fact]
    public void The_shipped_model_catches_every_held_aside_self_harm_comment_and_at_least_95_percent_of_all_urgent_ones()
    {
        var report = MeasureShippedModel("urgency-set.csv");

        Assert.Equal(1.0, report.ReasonRecall(UrgencyReasons.SuicideOrSelfHarm));
        Assert.True(report.Recall >= 0.95, $"recall {report.Recall:F3}; missed: {string.Join(" | ", report.Missed)}");
        Assert.True(report.FalseAlarmRate <= 0.20, $"false alarms {report.FalseAlarmRate:F3}");

        // The person who reads the flag is told why: the labelled reason is among those given for most (0.757 on 2026-12-01).
        Assert.True(report.ReasonAccuracy >= 0.7, $"the right reason for {report.RightReason} of {report.Caught}");
    }

    [Fact]
    public void The_shipped_model_catches_the_fresh_checks_self_harm_comments_and_all_but_three_of_its_urgent_ones()
    {
        // Written after the model of 2026-12-01 was trained, and never learnt from (data/urgency/README.md): 29 of 30 then, 30 since the encoder was fine-tuned.
        var report = MeasureShippedModel("fresh-check.csv");

        Assert.Equal(30, report.UrgentCount);
        Assert.Equal(1.0, report.ReasonRecall(UrgencyReasons.SuicideOrSelfHarm));
        Assert.True(report.Caught >= 27, $"caught {report.Caught} of 30; missed: {string.Join(" | ", report.Missed)}");
    }

    [Fact]
    public void The_shipped_model_flags_no_alarming_word_idiom_of_the_probes_and_no_more_of_their_everyday_comments_than_it_did()
    {
        // Written on 2026-12-02 and never learnt from (data/urgency/README.md). A third of the everyday thanks are flagged,
        // a weakness stated in docs/model-card.md: a new model may do better, not worse.
        var idioms = MeasureShippedModel("idiom-probe.csv");
        Assert.Equal(20, idioms.CalmCount);
        Assert.Equal(0, idioms.CalmKinds.Single(kind => kind.Kind == "alarming-words").Flagged);
        Assert.True(idioms.FalseAlarms <= 5, string.Join(" | ", idioms.FlaggedWrongly));

        var everyday = MeasureShippedModel("everyday-probe.csv");
        Assert.Equal(244, everyday.CalmCount);
        Assert.True(everyday.FalseAlarms <= 76, $"{everyday.FalseAlarms} of 244 flagged");
    }

    [Fact]
    public void The_shipped_model_still_flags_every_urgent_real_comment_it_was_read_flagging()
    {
        // Real comments the model of 2026-12-02 flagged, each read (data/urgency/README.md): 56 urgent, 125 not. A new
        // model must keep the urgent ones; how many of the others it still flags is for docs/model-card.md to report.
        var read = MeasureShippedModel("real-flags-read.csv");

        Assert.Equal((56, 125), (read.UrgentCount, read.CalmCount));
        Assert.True(read.Caught == 56, $"caught {read.Caught} of 56; missed: {string.Join(" | ", read.Missed)}");
    }

    [Fact]
    public void A_suicide_or_self_harm_phrase_always_flags_whatever_the_classifier_thinks()
    {
        var model = EmbeddingModels.Urgency;
        var text = "The suicide prevention leaflet at reception was useful";

        var assessment = model.Assess(text, SentenceEncoder.Shared().Embed([text])[0]);

        Assert.True(assessment.Urgent);
        Assert.Contains(assessment.Signals, signal => signal is { Source: UrgencySignal.Phrase, Reason: UrgencyReasons.SuicideOrSelfHarm, Evidence: "suicide" });
    }

    [Fact]
    public void The_labelled_set_holds_at_least_300_urgent_and_300_calm_comments_with_a_quarter_held_aside()
    {
        var set = UrgencySet.Load(SetPath);

        Assert.True(set.Examples.Count(example => example.Urgent && example.Kind == "urgent") >= 300);
        Assert.True(set.Examples.Count(example => !example.Urgent && example.Kind is "alarming-words" or "ordinary") >= 300);
        Assert.All(UrgencyReasons.All, reason => Assert.Contains(set.HeldAside, example => example.Reason == reason));
        Assert.InRange(set.HeldAside.Count / (double)set.Examples.Count, 0.23, 0.27);
    }

    [Fact]
    public void The_example_shown_as_evidence_for_a_reason_is_an_example_of_that_reason()
    {
        var model = EmbeddingModels.Urgency;
        var urgent = UrgencySet.Load(SetPath).HeldAside.Where(example => example.Urgent).Select(example => example.Text).ToArray();
        var embeddings = SentenceEncoder.Shared().Embed(urgent);

        var shown = urgent.Select((text, i) => model.Assess(text, embeddings[i]))
            .SelectMany(assessment => assessment.Signals)
            .Where(signal => signal.Source == UrgencySignal.Similar)
            .ToArray();

        // Among them, comments whose single nearest example is of another reason than the three nearest vote for.
        Assert.NotEmpty(shown);
        Assert.All(shown, signal => Assert.Equal(signal.Reason, model.Urgent.First(example => example.Text == signal.Evidence).Reason));
    }

    [Fact]
    public void While_the_model_learns_an_example_is_not_its_own_neighbour()
    {
        var model = EmbeddingModels.Urgency;
        var example = model.Urgent[0];

        var asLearnt = model.Neighbourhood(example.Embedding);
        var asUnseen = model.Neighbourhood(example.Embedding.ToArray());

        // The same words arriving as a new comment find the example itself, at similarity 1.
        Assert.True(asUnseen.Margin > asLearnt.Margin, $"{asUnseen.Margin} against {asLearnt.Margin}");
        Assert.True(asUnseen.Share >= asLearnt.Share);
    }

    [Fact]
    public void A_model_saved_and_loaded_again_is_the_same_model()
    {
        using var buffer = new MemoryStream();
        EmbeddingModels.Urgency.Save(buffer);
        buffer.Position = 0;

        var loaded = UrgencyModel.Load(buffer);

        Assert.Equal(EmbeddingModels.Urgency.Version, loaded.Version);
        Assert.Equal(EmbeddingModels.Urgency.Thresholds, loaded.Thresholds);
    }

    /// <summary>The shipped model on the held-aside rows of one of data/urgency's files.</summary>
    private static UrgencyReport MeasureShippedModel(string file)
    {
        var heldAside = UrgencySet.Load(Path.Combine(Repository.Root, "data", "urgency", file)).HeldAside;
        var embeddings = SentenceEncoder.Shared().Embed(heldAside.Select(example => example.Text).ToArray());
        return UrgencyReport.Measure(EmbeddingModels.Urgency, heldAside, embeddings, EmbeddingModels.Urgency.Thresholds);
    }
}
