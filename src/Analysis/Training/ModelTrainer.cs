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
    public static (LocalModel Model, TrainingReport Report) Train(
        string trainingFile, TrainingOptions options, TextWriter? progress = null, ISentenceEmbedder? embedder = null, string? correctionsFile = null)
    {
        var set = TrainingSet.Load(trainingFile);
        var corrections = 0;
        if (correctionsFile is not null)
        {
            var more = TrainingSet.Load(correctionsFile);
            set = set.With(more);
            corrections = more.Comments.Count;
            progress?.WriteLine($"train: {corrections:N0} staff corrections added to the labelled comments");
        }

        var features = Features.For(set, options, embedder, progress);
        var (report, thresholds, calibration) = CrossValidate(set, options, progress, features);
        var everyone = Enumerable.Range(0, set.Comments.Count).ToArray();
        var (vectorizer, themes, sentiment) = Fit(set, everyone, options, features);
        progress?.WriteLine($"train: final model fitted ({vectorizer.FeatureCount:N0} terms{(features.Block is null ? string.Empty : $" and {features.Block.Model}")})");
        var data = File.ReadAllBytes(trainingFile);
        if (correctionsFile is not null)
        {
            data = [.. data, .. File.ReadAllBytes(correctionsFile)];
        }

        var dataHash = Convert.ToHexStringLower(SHA256.HashData(data));
        var model = new LocalModel(vectorizer, themes, thresholds.TextOnly, thresholds.WithQuestion, sentiment, dataHash, features.Block, calibration);
        return (model, report with { Corrections = corrections });
    }

    /// <summary>
    /// Measures the method by grouped cross-validation, reading each comment both without and with its
    /// question, and returns the figures with the thresholds chosen on the out-of-fold predictions.
    /// </summary>
    public static (TrainingReport Report, (float[] TextOnly, float[] WithQuestion) Thresholds, ModelCalibration Calibration) CrossValidate(
        TrainingSet set, TrainingOptions options, TextWriter? progress = null, Features? features = null)
    {
        features ??= Features.For(set, options, embedder: null, progress: null);
        var comments = set.Comments;
        var fold = GroupedFolds.Assign(comments.Select(comment => comment.Text).ToArray(), options.Folds, options.Seed);
        var textOnly = new Predictions(comments.Count);
        var withQuestion = new Predictions(comments.Count);
        var withoutFft = new Predictions(comments.Count);
        for (var f = 0; f < options.Folds; f++)
        {
            var train = Enumerable.Range(0, comments.Count).Where(i => fold[i] != f).ToArray();
            var (vectorizer, themes, sentiment) = Fit(set, train, options, features);
            foreach (var i in Enumerable.Range(0, comments.Count).Where(i => fold[i] == f))
            {
                var (question, fft) = (comments[i].Question, comments[i].Fft);
                var (bare, asked) = (features.Of(vectorizer, i, QuestionKind.Unknown), features.Of(vectorizer, i, question));
                textOnly.Add(i, bare, features.WithAnswer(bare, vectorizer, QuestionKind.Unknown, FftAnswer.Unknown), features.NetworkInput(i, QuestionKind.Unknown, FftAnswer.Unknown), themes, sentiment);
                withQuestion.Add(i, asked, features.WithAnswer(asked, vectorizer, question, fft), features.NetworkInput(i, question, fft), themes, sentiment);
                withoutFft.Add(i, asked, features.WithAnswer(asked, vectorizer, question, FftAnswer.Unknown), features.NetworkInput(i, question, FftAnswer.Unknown), themes, sentiment);
            }

            progress?.WriteLine($"train: fold {f + 1} of {options.Folds} done ({vectorizer.FeatureCount:N0} features)");
        }

        var (textReport, textThresholds) = Score(set, fold, textOnly, options);
        var (questionReport, questionThresholds) = Score(set, fold, withQuestion, options);
        var (noFftReport, _) = Score(set, fold, withoutFft, options);
        var (calibration, reliability) = Calibrate(set, fold, [textOnly, withQuestion], options);
        var report = new TrainingReport(
            comments.Count,
            options.Folds,
            textReport.MicroF1,
            textReport.MacroF1,
            textReport.SentimentAccuracy,
            questionReport.MicroF1,
            questionReport.MacroF1,
            questionReport.SentimentAccuracy,
            textReport.Labels,
            reliability)
        {
            FoldMacroF1 = textReport.FoldMacroF1,
            FoldMacroF1WithQuestion = questionReport.FoldMacroF1,
            WithQuestionWithoutFft = new HeadlineFigures(noFftReport.MicroF1, noFftReport.FoldMacroF1, noFftReport.SentimentAccuracy),
        };
        return (report, (textThresholds, questionThresholds), calibration);
    }

    /// <summary>The confidence below which an item is sent for a human look.</summary>
    public const float ReviewBelow = 0.5f;

    /// <summary>
    /// Fits the calibrations on every out-of-fold prediction, and measures them honestly: each fold's predictions
    /// calibrated by a fit on the other folds only, binned into a reliability table.
    /// </summary>
    private static (ModelCalibration Calibration, CalibrationReport Report) Calibrate(TrainingSet set, int[] fold, Predictions[] runs, TrainingOptions options)
    {
        var comments = set.Comments;
        IEnumerable<(int Row, double Raw, bool Right)> ThemePoints(Predictions run) =>
            Enumerable.Range(0, comments.Count).SelectMany(i => Enumerable.Range(0, set.LabelNames.Count).Select(l => (i, run.Themes[i][l], comments[i].Labels[l])));
        IEnumerable<(int Row, double Raw, bool Right)> SentimentPoints(Predictions run) =>
            Enumerable.Range(0, comments.Count).Where(i => comments[i].Sentiment is not null)
                .Select(i => (i, run.SentimentConfidence[i], run.Sentiment[i] == comments[i].Sentiment));
        var themePoints = runs.SelectMany(ThemePoints).ToArray();
        var sentimentPoints = runs.SelectMany(SentimentPoints).ToArray();

        var themeBins = new ReliabilityBins();
        var sentimentBins = new ReliabilityBins();
        for (var f = 0; f < options.Folds; f++)
        {
            var themes = Local.Calibration.Fit(themePoints.Where(point => fold[point.Row] != f).Select(point => (point.Raw, point.Right)).ToArray());
            var sentiment = Local.Calibration.Fit(sentimentPoints.Where(point => fold[point.Row] != f).Select(point => (point.Raw, point.Right)).ToArray());
            foreach (var point in themePoints.Where(point => fold[point.Row] == f && point.Raw >= 0.05))
            {
                themeBins.Add(themes.Apply(point.Raw), point.Right);
            }

            foreach (var point in sentimentPoints.Where(point => fold[point.Row] == f))
            {
                sentimentBins.Add(sentiment.Apply(point.Raw), point.Right);
            }
        }

        var calibration = new ModelCalibration(
            Local.Calibration.Fit(themePoints.Select(point => (point.Raw, point.Right)).ToArray()),
            Local.Calibration.Fit(sentimentPoints.Select(point => (point.Raw, point.Right)).ToArray()),
            ReviewBelow);
        return (calibration, new CalibrationReport(ReviewBelow, themeBins.Rows(), sentimentBins.Rows()));
    }

    private static (TfIdfVectorizer, ThemeClassifier, SentimentClassifier) Fit(TrainingSet set, int[] rows, TrainingOptions options, Features features)
    {
        // Each comment twice: as the portal sees it (the question and the FFT answer known) and as a bare CSV does
        // (neither known).
        var examples = rows
            .SelectMany(i => set.Comments[i].Question == QuestionKind.Unknown
                ? new[] { (Row: i, Question: QuestionKind.Unknown) }
                : [(i, set.Comments[i].Question), (i, QuestionKind.Unknown)])
            .ToArray();
        var inputs = examples.Select(example => (set.Comments[example.Row].Text, example.Question)).ToArray();
        var owners = examples.Select(example => example.Row).ToArray();
        var vectorizer = TfIdfVectorizer.Fit(inputs, options.MinDocuments, (float)options.CharacterWeight);
        var rowsRead = examples.Select(example => features.Of(vectorizer, example.Row, example.Question)).ToArray();
        var x = new SparseMatrix(rowsRead, vectorizer.FeatureCount + features.Dimensions);
        var themes = ThemeClassifier.Fit(x, owners.Select(i => set.Comments[i].Labels).ToArray(), set.LabelNames, options.ThemeC, options.BalancedThemes);
        var labelled = Enumerable.Range(0, owners.Length).Where(r => set.Comments[owners[r]].Sentiment is not null).ToArray();
        var networkInputs = features.Block is null
            ? null
            : labelled.Select(r => features.NetworkInput(examples[r].Row, examples[r].Question)!).ToArray();
        // The sentiment reads the FFT answer with the question as well; the themes read the words alone.
        var withAnswers = new SparseMatrix(
            labelled.Select(r => features.WithAnswer(rowsRead[r], vectorizer, examples[r].Question, set.Comments[owners[r]].Fft)).ToArray(),
            vectorizer.FeatureCount + features.Dimensions + AnswerContext.Dimensions);
        var sentiment = SentimentClassifier.Fit(
            withAnswers,
            labelled.Select(r => set.Comments[owners[r]].Sentiment!.Value).ToArray(),
            options.SentimentC,
            networkInputs,
            options.SentimentNetwork,
            (float)options.SentimentNetworkWeight,
            options.Seed);
        return (vectorizer, themes, sentiment);
    }

    private static (TrainingReport Report, float[] Thresholds) Score(TrainingSet set, int[] fold, Predictions predictions, TrainingOptions options)
    {
        var comments = set.Comments;
        var labelCount = set.LabelNames.Count;
        var everyone = Enumerable.Range(0, comments.Count).ToArray();
        var thresholds = ThemeThresholds.Choose(predictions.Themes, comments, labelCount, everyone, options.TogetherThresholdShare);

        // Each fold is decided with thresholds chosen on the other folds only, so the figures are not tuned on what they measure.
        var decided = new bool[comments.Count][];
        for (var f = 0; f < options.Folds; f++)
        {
            var foldThresholds = ThemeThresholds.Choose(predictions.Themes, comments, labelCount, everyone.Where(i => fold[i] != f).ToArray(), options.TogetherThresholdShare);
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
        var report = new TrainingReport(comments.Count, options.Folds, micro.F1, macro.Average(), accuracy, 0, 0, 0, labels)
        {
            FoldMacroF1 = FoldMacroF1(comments, fold, decided, labelCount, options),
        };
        return (report, thresholds);
    }

    /// <summary>
    /// Each fold's held-out part as an unseen set: macro-F1 over its sub-categories with enough examples in it, averaged
    /// over the folds that have any (none, in a file too small for the figure: then 0).
    /// </summary>
    private static double FoldMacroF1(IReadOnlyList<TrainingComment> comments, int[] fold, bool[][] decided, int labelCount, TrainingOptions options)
    {
        var perFold = Enumerable.Range(0, options.Folds)
            .Select(f => Enumerable.Range(0, comments.Count).Where(i => fold[i] == f).ToArray())
            .Select(rows => Enumerable.Range(0, labelCount)
                .Where(l => rows.Count(i => comments[i].Labels[l]) >= options.MinExamplesForMetrics)
                .Select(l => F1Scores.Count(rows.Select(i => comments[i].Labels[l]).ToArray(), rows.Select(i => decided[i][l]).ToArray()).F1)
                .ToArray())
            .Where(scores => scores.Length > 0)
            .Select(scores => scores.Average())
            .ToArray();
        return perFold.Length == 0 ? 0 : perFold.Average();
    }

    /// <summary>
    /// How a comment becomes features: TF-IDF terms from the fitted vectorizer, then, when training with an
    /// embedder, the comment's sentence embedding (computed once for the whole set).
    /// </summary>
    public sealed class Features
    {
        private readonly TrainingSet _set;
        private readonly float[][]? _embeddings;

        private Features(TrainingSet set, float[][]? embeddings, EmbeddingBlock? block)
        {
            _set = set;
            _embeddings = embeddings;
            Block = block;
        }

        /// <summary>The embedding block the model will read, or null for terms only.</summary>
        public EmbeddingBlock? Block { get; }

        /// <summary>How many columns the embedding adds.</summary>
        public int Dimensions => Block?.Dimensions ?? 0;

        /// <summary>Embeds the set's comments (once), when an embedder is given.</summary>
        public static Features For(TrainingSet set, TrainingOptions options, ISentenceEmbedder? embedder, TextWriter? progress)
        {
            if (embedder is null)
            {
                return new Features(set, null, null);
            }

            var embeddings = embedder.Embed(set.Comments.Select(comment => comment.Text).ToArray());
            progress?.WriteLine($"train: {embeddings.Length:N0} comments embedded with {embedder.ModelName}");
            return new Features(set, embeddings, new EmbeddingBlock(embedder.ModelName, embedder.Dimensions, (float)options.EmbeddingWeight));
        }

        /// <summary>What the neural sentiment head reads for a comment, when there are embeddings (its FFT answer only with a question).</summary>
        internal float[]? NetworkInput(int row, QuestionKind question) => NetworkInput(row, question, _set.Comments[row].Fft);

        internal float[]? NetworkInput(int row, QuestionKind question, FftAnswer fft) =>
            _embeddings is null ? null : SentimentNetwork.Input(_embeddings[row], question, fft);

        /// <summary>A comment's features as the themes read them: its terms (with <paramref name="question"/>), then its embedding.</summary>
        internal SparseVector Of(TfIdfVectorizer vectorizer, int row, QuestionKind question)
        {
            var terms = vectorizer.Transform(_set.Comments[row].Text, question);
            return Block is null ? terms : terms.Append(_embeddings![row], vectorizer.FeatureCount, Block.Weight);
        }

        /// <summary>Features as the sentiment reads them: <paramref name="features"/>, then the FFT answer with the question.</summary>
        internal SparseVector WithAnswer(SparseVector features, TfIdfVectorizer vectorizer, QuestionKind question, FftAnswer fft) =>
            features.Append(AnswerContext.Of(question, fft), vectorizer.FeatureCount + Dimensions);
    }

    /// <summary>Out-of-fold predictions for every comment.</summary>
    private sealed class Predictions(int count)
    {
        public double[][] Themes { get; } = new double[count][];

        public int[] Sentiment { get; } = new int[count];

        public double[] SentimentConfidence { get; } = new double[count];

        public void Add(int i, SparseVector features, SparseVector sentimentFeatures, float[]? networkInput, ThemeClassifier themes, SentimentClassifier sentiment)
        {
            Themes[i] = themes.Probabilities(features);
            var p = sentiment.Probabilities(sentimentFeatures, networkInput);
            Sentiment[i] = Array.IndexOf(p, p.Max());
            SentimentConfidence[i] = p.Max();
        }
    }

    /// <summary>Calibrated confidences against how often they were right, in tenths.</summary>
    private sealed class ReliabilityBins
    {
        private readonly (int Count, double Confidence, int Right)[] _bins = new (int, double, int)[10];

        public void Add(double confidence, bool right)
        {
            var bin = Math.Clamp((int)(confidence * 10), 0, 9);
            _bins[bin] = (_bins[bin].Count + 1, _bins[bin].Confidence + confidence, _bins[bin].Right + (right ? 1 : 0));
        }

        public IReadOnlyList<ReliabilityRow> Rows() => _bins
            .Select((bin, b) => new ReliabilityRow(b / 10.0, (b + 1) / 10.0, bin.Count, bin.Count == 0 ? 0 : bin.Confidence / bin.Count, bin.Count == 0 ? 0 : bin.Right / (double)bin.Count))
            .Where(row => row.Count > 0)
            .ToArray();
    }
}
