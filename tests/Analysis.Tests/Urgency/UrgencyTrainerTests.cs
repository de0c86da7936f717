using QualityVoice.Analysis.Embeddings;
using QualityVoice.Analysis.Urgency;
using QualityVoice.TestSupport;

namespace QualityVoice.Analysis.Tests.Urgency;

/// <summary>
/// The urgency trainer on a slice of the labelled set (twelve comments of each reason and kind), so it runs in
/// seconds: it says how the thresholds it chose do out of fold, and says so loudly when no thresholds can catch every
/// suicide or self-harm comment, naming the comment it cannot learn.
/// </summary>
public sealed class UrgencyTrainerTests : IDisposable
{
    private static readonly string SetPath = Path.Combine(Repository.Root, "data", "urgency", "urgency-set.csv");
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void It_reports_the_false_alarms_and_misses_out_of_fold_at_the_thresholds_it_chose()
    {
        var path = WriteSlice();
        var progress = new StringWriter();

        var (_, report) = UrgencyTrainer.Train(UrgencySet.Load(path), SentenceEncoder.Shared(), new UrgencyTrainingOptions(), progress);

        Assert.Matches(@"urgency: out of fold within the training part: \d+ false alarms of \d+ calm comments, \d+ of \d+ urgent ones missed", progress.ToString());
        Assert.DoesNotContain("WARNING", progress.ToString(), StringComparison.Ordinal);
        Assert.Equal(1.0, report.ReasonRecall(UrgencyReasons.SuicideOrSelfHarm));
    }

    [Fact]
    public void A_self_harm_comment_nothing_can_learn_is_named_rather_than_flooding_the_queue_quietly()
    {
        var path = WriteSlice(("U9999", "The parking was expensive but the staff were lovely"));
        var progress = new StringWriter();

        UrgencyTrainer.Train(UrgencySet.Load(path), SentenceEncoder.Shared(), new UrgencyTrainingOptions(), progress);

        Assert.Contains("urgency: WARNING no thresholds catch", progress.ToString(), StringComparison.Ordinal);
        Assert.Contains("U9999", progress.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Staff_verdicts_are_learnt_from_in_the_training_part_but_never_kept_as_examples_to_show()
    {
        var path = WriteSlice();
        var verdicts = _folder.File("verdicts.csv");
        File.WriteAllLines(verdicts, [
            "id,text,urgent,reason,kind,split",
            "QV-ABC123,\"The night nurse told my mum to stop ringing the bell or she would take it away\",1,abuse,staff-marked,train",
            "QV-DEF456-1,\"My husband was on end of life care and the team were wonderful\",0,,staff-cleared,train",
        ]);
        var set = UrgencySet.Load(path).With(UrgencySet.Load(verdicts));
        var progress = new StringWriter();

        var (model, report) = UrgencyTrainer.Train(set, SentenceEncoder.Shared(), new UrgencyTrainingOptions(), progress);

        Assert.Equal(2, set.StaffVerdicts);
        Assert.Equal(UrgencySet.Load(path).HeldAside.Count, set.HeldAside.Count);
        Assert.Equal(UrgencySet.Load(path).HeldAside.Count, report.UrgentCount + report.CalmCount);
        Assert.Contains("urgency: 2 staff verdicts added to the training part", progress.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(model.Urgent, exemplar => exemplar.Text.StartsWith("The night nurse told my mum", StringComparison.Ordinal));
        Assert.Equal(set.Training.Count(example => example.Urgent) - 1, model.Urgent.Count);
        Assert.NotEqual(UrgencySet.Load(path).DataHash, set.DataHash);
    }

    [Fact]
    public void Only_staff_verdicts_for_training_are_added_to_the_set()
    {
        var path = WriteSlice();
        var heldAside = _folder.File("held-aside.csv");
        File.WriteAllLines(heldAside, ["id,text,urgent,reason,kind,split", "X1,\"The car park was full\",0,,staff-cleared,test"]);

        var error = Assert.Throws<InvalidDataException>(() => UrgencySet.Load(path).With(UrgencySet.Load(heldAside)));

        Assert.Contains("'X1' is not a staff verdict for training", error.Message, StringComparison.Ordinal);
    }

    // Twelve comments of each reason and kind from the labelled set, and any extra self-harm ones given.
    private string WriteSlice(params (string Id, string Text)[] selfHarm)
    {
        static string Row(params string[] fields) => string.Join(',', fields.Select(field => $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
        var rows = UrgencySet.Load(SetPath).Examples
            .GroupBy(example => example.Reason ?? example.Kind)
            .SelectMany(group => group.Take(12))
            .Select(example => Row(example.Id, example.Text, example.Urgent ? "1" : "0", example.Reason ?? string.Empty, example.Kind, example.HeldAside ? "test" : "train"))
            .Concat(selfHarm.Select(extra => Row(extra.Id, extra.Text, "1", UrgencyReasons.SuicideOrSelfHarm, "urgent", "train")));
        var path = _folder.File("urgency-set.csv");
        File.WriteAllLines(path, [Row("id", "text", "urgent", "reason", "kind", "split"), .. rows]);
        return path;
    }
}
