using QualityVoice.Analysis.Local;

namespace QualityVoice.Analysis.Urgency;

/// <summary>
/// Trains the urgency model on the labelled set's training part and measures it on the part held aside. The
/// thresholds are chosen on out-of-fold predictions within the training part: the combination that catches at least
/// <see cref="UrgencyTrainingOptions.RecallTarget"/> of the urgent comments, and every one about suicide or self-harm,
/// with the fewest false alarms.
/// </summary>
public static class UrgencyTrainer
{
    /// <summary>Trains on <paramref name="set"/>'s training part with <paramref name="embedder"/>'s embeddings, and reports on the held-aside part.</summary>
    public static (UrgencyModel Model, UrgencyReport Report) Train(
        UrgencySet set, ISentenceEmbedder embedder, UrgencyTrainingOptions options, TextWriter? progress = null)
    {
        var training = set.Training;
        var heldAside = set.HeldAside;
        var trainEmbeddings = embedder.Embed(training.Select(example => example.Text).ToArray());
        var testEmbeddings = embedder.Embed(heldAside.Select(example => example.Text).ToArray());
        progress?.WriteLine($"urgency: {set.Examples.Count} comments embedded with {embedder.ModelName}");
        if (set.StaffVerdicts > 0)
        {
            progress?.WriteLine($"urgency: {set.StaffVerdicts} staff verdicts added to the training part");
        }

        var thresholds = ChooseThresholds(training, trainEmbeddings, embedder.ModelName, options, progress);
        progress?.WriteLine($"urgency: thresholds chosen out of fold: classifier {thresholds.Classifier:F2}, self-harm {thresholds.SelfHarm:F2}, phrase guard {thresholds.Guard:F2}, similarity {thresholds.Similarity:F2}");

        var model = Fit(training, trainEmbeddings, embedder.ModelName, options, thresholds, set.DataHash);
        var report = UrgencyReport.Measure(model, heldAside, testEmbeddings, thresholds);
        progress?.WriteLine(
            $"urgency: held aside: recall {report.Recall:F3} ({report.Caught} of {report.UrgentCount}), suicide or self-harm {report.ReasonRecall(UrgencyReasons.SuicideOrSelfHarm):F3}, false alarms {report.FalseAlarmRate:F3} ({report.FalseAlarms} of {report.CalmCount}), the right reason among those given {report.ReasonAccuracy:F3} ({report.RightReason} of {report.Caught}); lexicon alone: recall {report.LexiconRecall:F3}, false alarms {report.LexiconFalseAlarmRate:F3}");
        return (model, report);
    }

    internal static UrgencyModel Fit(
        IReadOnlyList<UrgencyExample> examples, float[][] embeddings, string embeddingModel, UrgencyTrainingOptions options, UrgencyThresholds thresholds, string dataHash)
    {
        var dimensions = embeddings[0].Length;
        var terms = TfIdfVectorizer.Fit(examples.Select(example => (example.Text, QuestionKind.Unknown)).ToArray(), options.MinDocuments, (float)options.CharacterWeight);
        // The examples the model keeps, for the neighbourhood and as evidence, are the labelled set's own: staff's verdicts
        // on the ICB's feedback are learnt from but never kept, so no one's words are shown beside another's comment.
        var kept = examples.Select((example, i) => (example, i)).Where(pair => !pair.example.IsStaffVerdict).ToArray();
        var urgent = kept.Where(pair => pair.example.Urgent).Select(pair => new UrgencyExemplar(pair.example.Text, pair.example.Reason!, embeddings[pair.i])).ToArray();
        var calm = kept.Where(pair => !pair.example.Urgent).Select(pair => embeddings[pair.i]).ToArray();

        // The features are the model's own, so a placeholder with no weights yet lays them out.
        var layout = new UrgencyModel(embeddingModel, dimensions, terms, [], 0, [], 0, null, (float)options.LexiconWeight, (float)options.NeighbourWeight, thresholds, urgent, calm, dataHash);
        var rows = examples.Select((example, i) => layout.Features(example.Text, embeddings[i], UrgencyDetector.Find(example.Text))).ToArray();
        var x = new SparseMatrix(rows, layout.FeatureCount);
        var (weights, bias) = LogisticRegression.Fit(x, examples.Select(example => example.Urgent).ToArray(), options.C, balanced: true);
        var (selfHarmWeights, selfHarmBias) = LogisticRegression.Fit(
            x, examples.Select(example => example.Reason == UrgencyReasons.SuicideOrSelfHarm).ToArray(), options.C, balanced: true);
        var urgentRows = examples.Select((example, i) => (example, i)).Where(pair => pair.example.Urgent).ToArray();
        var reasonClassifier = UrgencyReasonClassifier.Fit(
            new SparseMatrix(urgentRows.Select(pair => rows[pair.i]).ToArray(), layout.FeatureCount), urgentRows.Select(pair => pair.example.Reason!).ToArray(), options.C);
        return new UrgencyModel(
            embeddingModel, dimensions, terms, weights, bias, selfHarmWeights, selfHarmBias, reasonClassifier, (float)options.LexiconWeight, (float)options.NeighbourWeight, thresholds, urgent, calm, dataHash);
    }

    private static UrgencyThresholds ChooseThresholds(
        IReadOnlyList<UrgencyExample> examples, float[][] embeddings, string embeddingModel, UrgencyTrainingOptions options, TextWriter? progress)
    {
        // Out-of-fold: each example judged by a model that never saw it, and against exemplars from the other folds.
        var fold = Folds(examples, options.Folds);
        var outOfFold = new (double Probability, double Similarity, double CalmSimilarity, bool Phrase, bool Floor, double SelfHarm)[examples.Count];
        var placeholder = new UrgencyThresholds(1, 1, 2, 1);
        var rightReason = 0;
        for (var f = 0; f < options.Folds; f++)
        {
            var train = Enumerable.Range(0, examples.Count).Where(i => fold[i] != f).ToArray();
            var model = Fit(train.Select(i => examples[i]).ToArray(), train.Select(i => embeddings[i]).ToArray(), embeddingModel, options, placeholder, string.Empty);
            foreach (var i in Enumerable.Range(0, examples.Count).Where(i => fold[i] == f))
            {
                var phrases = UrgencyDetector.Find(examples[i].Text);
                var features = model.Features(examples[i].Text, embeddings[i], phrases);
                outOfFold[i] = (
                    model.Probability(features),
                    model.Urgent.Max(exemplar => UrgencyModel.Cosine(embeddings[i], exemplar.Embedding)),
                    model.Calm.Max(vector => UrgencyModel.Cosine(embeddings[i], vector)),
                    phrases.Count > 0,
                    phrases.Any(signal => signal.Reason == UrgencyReasons.SuicideOrSelfHarm),
                    model.SelfHarmProbability(features));
                if (examples[i].Urgent && model.ReasonClassifier!.Reason(features) == examples[i].Reason)
                {
                    rightReason++;
                }
            }
        }

        var urgentCount = examples.Count(example => example.Urgent);
        progress?.WriteLine($"urgency: out of fold, the reason classifier names the labelled reason of {rightReason} of {urgentCount} urgent comments");
        UrgencyThresholds? best = null;
        var (bestFalseAlarms, bestCaught) = (int.MaxValue, 0);
        var similarities = options.UseSimilarity ? Enumerable.Range(50, 46).Select(step => step / 100f).Append(2f).ToArray() : [2f];
        var selfHarm = Enumerable.Range(1, 99).Select(step => step / 100f).ToArray();
        for (var c = 95; c >= 5; c -= 2)
        {
            for (var g = options.LexiconFloor ? 0 : 50; g >= 0; g -= 5)
            {
                foreach (var s in similarities)
                foreach (var h in selfHarm)
                {
                    var candidate = new UrgencyThresholds(c / 100f, g / 100f, s, h);
                    int caught = 0, falseAlarms = 0;
                    var everySelfHarm = true;
                    for (var i = 0; i < examples.Count; i++)
                    {
                        var o = outOfFold[i];
                        var flagged = o.Floor || (o.Phrase && o.Probability >= candidate.Guard) || o.Probability >= candidate.Classifier
                            || o.SelfHarm >= candidate.SelfHarm
                            || (o.Similarity >= candidate.Similarity && o.Similarity > o.CalmSimilarity);
                        if (examples[i].Urgent)
                        {
                            caught += flagged ? 1 : 0;
                            everySelfHarm &= flagged || examples[i].Reason != UrgencyReasons.SuicideOrSelfHarm;
                        }
                        else
                        {
                            falseAlarms += flagged ? 1 : 0;
                        }
                    }

                    if (everySelfHarm && caught >= options.RecallTarget * urgentCount && falseAlarms < bestFalseAlarms)
                    {
                        (best, bestFalseAlarms, bestCaught) = (candidate, falseAlarms, caught);
                    }
                }
            }
        }

        if (best is not null)
        {
            progress?.WriteLine(
                $"urgency: out of fold within the training part: {bestFalseAlarms} false alarms of {examples.Count - urgentCount} calm comments, {urgentCount - bestCaught} of {urgentCount} urgent ones missed");
        }
        else
        {
            // Whoever added to the set should know which comments the model cannot learn, rather than find a flood of flags.
            var missed = Enumerable.Range(0, examples.Count)
                .Where(i => examples[i].Reason == UrgencyReasons.SuicideOrSelfHarm && !outOfFold[i].Floor && outOfFold[i].Probability < 0.05 && outOfFold[i].SelfHarm < 0.01)
                .Select(i => examples[i].Id)
                .ToArray();
            progress?.WriteLine(
                $"urgency: WARNING no thresholds catch {options.RecallTarget:P0} of the urgent comments and every suicide or self-harm one out of fold; the lowest are used. "
                + (missed.Length > 0 ? $"Self-harm comments missed even then: {string.Join(", ", missed)}" : "Every self-harm comment can be caught, but not that share of the urgent ones."));
        }

        return best ?? new UrgencyThresholds(0.05f, 0f, 0.5f, 0.05f);
    }

    /// <summary>Assigns folds within each reason (and each kind of calm comment), so every fold has some of each.</summary>
    private static int[] Folds(IReadOnlyList<UrgencyExample> examples, int folds)
    {
        var fold = new int[examples.Count];
        foreach (var group in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Reason ?? examples[i].Kind))
        {
            var n = 0;
            foreach (var i in group)
            {
                fold[i] = n++ % folds;
            }
        }

        return fold;
    }
}

/// <summary>How the urgency model is trained.</summary>
/// <param name="Folds">Cross-validation folds within the training part.</param>
/// <param name="C">Inverse regularisation of the classifiers (urgent or not, self-harm, and which reason).</param>
/// <param name="LexiconWeight">The value of each matched reason's feature beside the unit-length embedding.</param>
/// <param name="NeighbourWeight">The weight of the two neighbourhood features (<see cref="UrgencyModel"/>) beside the unit-length embedding.</param>
/// <param name="RecallTarget">The share of urgent comments the thresholds must catch out of fold.</param>
/// <param name="MinDocuments">A term is kept when it is in at least this many comments.</param>
/// <param name="CharacterWeight">The weight of the character n-gram block against the word block.</param>
/// <param name="UseSimilarity">Whether closeness to an urgent example may flag a comment by itself.</param>
/// <param name="LexiconFloor">Whether every phrase the lexicon matches flags a comment (the floor); otherwise the classifier may overrule it.</param>
public sealed record UrgencyTrainingOptions(
    int Folds = 5,
    double C = 32.0,
    double LexiconWeight = 0.25,
    double NeighbourWeight = 0.5,
    double RecallTarget = 0.95,
    int MinDocuments = 2,
    double CharacterWeight = 1.0,
    bool UseSimilarity = false,
    bool LexiconFloor = true);
