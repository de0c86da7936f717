using System.Security.Cryptography;
using QualityVoice.Analysis.Local;

namespace QualityVoice.Analysis.Training;

/// <summary>
/// Trains the local model from the labelled training file: TF-IDF over words, word pairs, words paired with the
/// question answered, and character n-grams; a balanced one-vs-rest logistic regression per sub-category with a
/// threshold each, chosen on cross-validated predictions; and a three-class sentiment regression. Every comment
/// is learned twice, with its question and without, so one model serves both kinds of input. Deterministic:
/// the same file gives the same model, byte for byte.
/// </summary>
public static class ModelTrainer
{
    /// <summary>Cross-validates the method, then fits the model on every comment.</summary>
    public static (LocalModel Model, TrainingReport Report) Train(string trainingFile, TrainingOptions options, TextWriter? progress = null)
    {
        var set = TrainingSet.Load(trainingFile);
        var (report, thresholds) = CrossValidate(set, options, progress);
        var everyone = Enumerable.Range(0, set.Comments.Count).ToArray();
        var (vectorizer, themes, sentiment) = Fit(set, everyone, options);
        progress?.WriteLine($"train: final model fitted ({vectorizer.FeatureCount:N0} features)");
        var dataHash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(trainingFile)));
        var model = new LocalModel(vectorizer, themes, thresholds.TextOnly, thresholds.WithQuestion, sentiment, dataHash);
        return (model, report);
    }

    /// <summary>
    /// Measures the method by grouped cross-validation, reading each comment both without and with its
    /// question, and returns the figures with the thresholds chosen on the out-of-fold predictions.
    /// </summary>
    public static (TrainingReport Report, (float[] TextOnly, float[] WithQuestion) Thresholds) CrossValidate(
        TrainingSet set, TrainingOptions options, TextWriter? progress = null)
    {
        var comments = set.Comments;
        var fold = GroupedFolds.Assign(comments.Select(comment => comment.Text).ToArray(), options.Folds, options.Seed);
        var textOnly = new Predictions(comments.Count);
        var withQuestion = new Predictions(comments.Count);
        for (var f = 0; f < options.Folds; f++)
        {
            var train = Enumerable.Range(0, comments.Count).Where(i => fold[i] != f).ToArray();
            var (vectorizer, themes, sentiment) = Fit(set, train, options);
            foreach (var i in Enumerable.Range(0, comments.Count).Where(i => fold[i] == f))
            {
                textOnly.Add(i, vectorizer.Transform(comments[i].Text, QuestionKind.Unknown), themes, sentiment);
                withQuestion.Add(i, vectorizer.Transform(comments[i].Text, comments[i].Question), themes, sentiment);
            }

            progress?.WriteLine($"train: fold {f + 1} of {options.Folds} done ({vectorizer.FeatureCount:N0} features)");
        }

        var (textReport, textThresholds) = Score(set, fold, textOnly, options);
        var (questionReport, questionThresholds) = Score(set, fold, withQuestion, options);
        var report = new TrainingReport(
            comments.Count,
            options.Folds,
            textReport.MicroF1,
            textReport.MacroF1,
            textReport.SentimentAccuracy,
            questionReport.MicroF1,
            questionReport.MacroF1,
            questionReport.SentimentAccuracy,
            textReport.Labels);
        return (report, (textThresholds, questionThresholds));
    }

    private static (TfIdfVectorizer, ThemeClassifier, SentimentClassifier) Fit(TrainingSet set, int[] rows, TrainingOptions options)
    {
        // Each comment twice: as the portal sees it (question known) and as a bare CSV does (question unknown).
        var examples = rows
            .SelectMany(i => set.Comments[i].Question == QuestionKind.Unknown
                ? new[] { (Row: i, Question: QuestionKind.Unknown) }
                : [(i, set.Comments[i].Question), (i, QuestionKind.Unknown)])
            .ToArray();
        var inputs = examples.Select(example => (set.Comments[example.Row].Text, example.Question)).ToArray();
        var owners = examples.Select(example => example.Row).ToArray();
        var vectorizer = TfIdfVectorizer.Fit(inputs, options.MinDocuments, (float)options.CharacterWeight);
        var x = new SparseMatrix(inputs.Select(input => vectorizer.Transform(input.Text, input.Question)).ToArray(), vectorizer.FeatureCount);
        var themes = ThemeClassifier.Fit(x, owners.Select(i => set.Comments[i].Labels).ToArray(), set.LabelNames, options.ThemeC, options.BalancedThemes);
        var labelled = Enumerable.Range(0, owners.Length).Where(r => set.Comments[owners[r]].Sentiment is not null).ToArray();
        var sentiment = SentimentClassifier.Fit(x.Select(labelled), labelled.Select(r => set.Comments[owners[r]].Sentiment!.Value).ToArray(), options.SentimentC);
        return (vectorizer, themes, sentiment);
    }

    private static (TrainingReport Report, float[] Thresholds) Score(TrainingSet set, int[] fold, Predictions predictions, TrainingOptions options)
    {
        var comments = set.Comments;
        var labelCount = set.LabelNames.Count;
        var everyone = Enumerable.Range(0, comments.Count).ToArray();
        var thresholds = ChooseThresholds(predictions.Themes, comments, labelCount, everyone);

        // Each fold is decided with thresholds chosen on the other folds only, so the figures are not tuned on what they measure.
        var decided = new bool[comments.Count][];
        for (var f = 0; f < options.Folds; f++)
        {
            var foldThresholds = ChooseThresholds(predictions.Themes, comments, labelCount, everyone.Where(i => fold[i] != f).ToArray());
            foreach (var i in everyone.Where(i => fold[i] == f))
            {
                decided[i] = ThemeClassifier.Decide(predictions.Themes[i], foldThresholds, atLeastOne: true);
            }
        }

        var labels = new List<LabelReport>();
        var micro = new F1Scores();
        var macro = new List<double>();
        for (var l = 0; l < labelCount; l++)
        {
            var actual = comments.Select(comment => comment.Labels[l]).ToArray();
            var scores = F1Scores.Count(actual, decided.Select(row => row[l]).ToArray());
            var examples = actual.Count(a => a);
            labels.Add(new LabelReport(set.LabelNames[l], examples, thresholds[l], scores.Precision, scores.Recall, scores.F1));
            if (examples >= options.MinExamplesForMetrics)
            {
                micro += scores;
                macro.Add(scores.F1);
            }
        }

        var withSentiment = everyone.Where(i => comments[i].Sentiment is not null).ToArray();
        var accuracy = withSentiment.Count(i => predictions.Sentiment[i] == comments[i].Sentiment) / (double)withSentiment.Length;
        return (new TrainingReport(comments.Count, options.Folds, micro.F1, macro.Average(), accuracy, 0, 0, 0, labels), thresholds);
    }

    private static float[] ChooseThresholds(double[][] probabilities, IReadOnlyList<TrainingComment> comments, int labelCount, int[] rows)
    {
        var thresholds = new float[labelCount];
        for (var l = 0; l < labelCount; l++)
        {
            var best = 0.5;
            var bestF1 = -1.0;
            for (var step = 5; step <= 95; step++)
            {
                var t = step / 100.0;
                int tp = 0, fp = 0, fn = 0;
                foreach (var i in rows)
                {
                    var predicted = probabilities[i][l] >= t;
                    var actual = comments[i].Labels[l];
                    tp += predicted && actual ? 1 : 0;
                    fp += predicted && !actual ? 1 : 0;
                    fn += !predicted && actual ? 1 : 0;
                }

                var f1 = tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
                if (f1 > bestF1 + 1e-9)
                {
                    bestF1 = f1;
                    best = t;
                }
            }

            thresholds[l] = (float)best;
        }

        return thresholds;
    }

    /// <summary>Out-of-fold predictions for every comment.</summary>
    private sealed class Predictions(int count)
    {
        public double[][] Themes { get; } = new double[count][];

        public int[] Sentiment { get; } = new int[count];

        public void Add(int i, SparseVector features, ThemeClassifier themes, SentimentClassifier sentiment)
        {
            Themes[i] = themes.Probabilities(features);
            var p = sentiment.Probabilities(features);
            Sentiment[i] = Array.IndexOf(p, p.Max());
        }
    }
}
