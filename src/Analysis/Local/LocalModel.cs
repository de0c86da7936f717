using System.Security.Cryptography;
using System.Text;

namespace QualityVoice.Analysis.Local;

/// <summary>
/// The trained local model: the vocabulary, the theme regressions with their thresholds (one set for text
/// alone, one for text with its question), and the sentiment regression. Saved as a small compressed binary file
/// whose version is the hash of its contents, so a stored analysis always says which model made it.
/// </summary>
public sealed class LocalModel
{
    private const string Magic = "QVLM";
    // Version 1: TF-IDF only, without calibration (read only, for older model files); version 3: an optional
    // sentence-embedding block, and the calibration of theme and sentiment confidence with the review threshold;
    // version 4: an optional neural sentiment head over the embedding; version 5: the sentiment reads the FFT answer
    // with the question (AnswerContext) after the terms and the embedding, in its regression and its neural head.
    private const int LegacyFormat = 1;
    private const int CalibratedFormat = 3;
    private const int NetworkFormat = 4;
    private const int FormatVersion = 5;

    internal LocalModel(
        TfIdfVectorizer vectorizer,
        ThemeClassifier themes,
        float[] textThresholds,
        float[] questionThresholds,
        SentimentClassifier sentiment,
        string trainingDataHash,
        EmbeddingBlock? embedding = null,
        ModelCalibration? calibration = null,
        bool readsFft = true)
    {
        ReadsFft = readsFft;
        Embedding = embedding;
        Calibration = calibration ?? ModelCalibration.None;
        Vectorizer = vectorizer;
        Themes = themes;
        TextThresholds = textThresholds;
        QuestionThresholds = questionThresholds;
        Sentiment = sentiment;
        TrainingDataHash = trainingDataHash;
        Version = (embedding is null ? "local-" : "embedding-") + Convert.ToHexStringLower(SHA256.HashData(Serialize()))[..12];
    }

    /// <summary>The model's version: "local-" and the start of the hash of its contents.</summary>
    public string Version { get; }

    /// <summary>SHA-256 of the training file it was trained on.</summary>
    public string TrainingDataHash { get; }

    /// <summary>The sub-categories it predicts, exactly as the training file names them.</summary>
    public IReadOnlyList<string> Labels => Themes.Labels;

    internal TfIdfVectorizer Vectorizer { get; }

    /// <summary>Whether it reads the FFT answer given with a comment (<see cref="AnswerContext"/>); models before format 5 do not.</summary>
    internal bool ReadsFft { get; }

    internal ThemeClassifier Themes { get; }

    internal float[] TextThresholds { get; }

    internal float[] QuestionThresholds { get; }

    internal SentimentClassifier Sentiment { get; }

    /// <summary>How its confidences are calibrated, and below which a person should look.</summary>
    public ModelCalibration Calibration { get; }

    /// <summary>Predicts a comment's sub-categories (with calibrated confidence, most confident first) and sentiment.</summary>
    public ModelPrediction Predict(TextToAnalyse input, float[]? embedding = null)
    {
        var features = Features(input.Text, input.Question, embedding);
        var probabilities = Themes.Probabilities(features);
        var decided = ThemeClassifier.Decide(probabilities, input.Question == QuestionKind.Unknown ? TextThresholds : QuestionThresholds, atLeastOne: true);
        var themes = new List<ThemePrediction>();
        for (var l = 0; l < decided.Length; l++)
        {
            if (decided[l])
            {
                themes.Add(new ThemePrediction(Themes.Labels[l], Math.Round(Calibration.Themes.Apply(probabilities[l]), 3)));
            }
        }

        themes.Sort((a, b) => b.Confidence.CompareTo(a.Confidence));
        var sentimentProbabilities = SentimentProbabilities(features, input, embedding);
        var (sentiment, score) = SentimentClassifier.Decide(sentimentProbabilities);
        var sentimentConfidence = Calibration.Sentiment.Apply(sentimentProbabilities.Max());
        var needsReview = themes[0].Confidence < Calibration.ReviewBelow || sentimentConfidence < Calibration.ReviewBelow;
        return new ModelPrediction(themes, sentiment, Math.Round(score, 3), Math.Round(sentimentConfidence, 3), needsReview);
    }

    /// <summary>
    /// The feeling about each of <paramref name="whole"/>'s themes, read clause by clause (<see cref="Clauses.Contents"/>):
    /// a theme takes the feeling of the clauses that carry it (those past its threshold, or else the one most likely to),
    /// together (<see cref="Sentiments.Together"/>). A text of one clause feels about each theme as it does as a whole.
    /// </summary>
    /// <param name="input">The comment, with the question it answers and the FFT answer given with it.</param>
    /// <param name="whole">What <see cref="Predict"/> found in all of it.</param>
    /// <param name="clauses">Its clauses: the words of each that carry its feeling.</param>
    /// <param name="clauseEmbeddings">Each clause's sentence embedding, when the model reads them.</param>
    /// <param name="clauseSentiments">Each clause's feeling as another analyzer read it (Azure AI Language's sentences), instead of this model's.</param>
    public IReadOnlyList<ThemeSentiment> SentimentByTheme(
        TextToAnalyse input,
        ModelPrediction whole,
        IReadOnlyList<Range> clauses,
        IReadOnlyList<float[]>? clauseEmbeddings = null,
        IReadOnlyList<Sentiment>? clauseSentiments = null)
    {
        if (clauses.Count < 2)
        {
            return [.. whole.Themes.Select(theme => new ThemeSentiment(theme.Name, whole.Sentiment))];
        }

        var thresholds = input.Question == QuestionKind.Unknown ? TextThresholds : QuestionThresholds;
        var readings = new (double[] Themes, Sentiment Sentiment)[clauses.Count];
        for (var c = 0; c < clauses.Count; c++)
        {
            var features = Features(input.Text[clauses[c]], input.Question, clauseEmbeddings?[c]);
            readings[c] = (
                Themes.Probabilities(features),
                clauseSentiments?[c] ?? SentimentClassifier.Decide(SentimentProbabilities(features, input, clauseEmbeddings?[c])).Sentiment);
        }

        var feelings = new List<ThemeSentiment>(whole.Themes.Count);
        foreach (var theme in whole.Themes)
        {
            var label = IndexOf(theme.Name);
            var carrying = readings.Where(reading => reading.Themes[label] >= thresholds[label]).Select(reading => reading.Sentiment).ToArray();
            feelings.Add(new ThemeSentiment(
                theme.Name,
                carrying.Length > 0 ? Sentiments.Together(carrying) : readings.MaxBy(reading => reading.Themes[label]).Sentiment));
        }

        return feelings;
    }

    private int IndexOf(string label)
    {
        for (var l = 0; l < Themes.Labels.Count; l++)
        {
            if (Themes.Labels[l] == label)
            {
                return l;
            }
        }

        throw new ArgumentException($"This model does not predict \"{label}\".", nameof(label));
    }

    /// <summary>The sentence-embedding block this model reads after its TF-IDF terms, if it was trained with one.</summary>
    public EmbeddingBlock? Embedding { get; }

    /// <summary>Whether the model needs each text's sentence embedding (<see cref="Predict"/>'s <c>embedding</c>).</summary>
    public bool NeedsEmbedding => Embedding is not null;

    /// <summary>A text's features: its TF-IDF terms, then its sentence embedding when the model reads one.</summary>
    internal SparseVector Features(string text, QuestionKind question, float[]? embedding)
    {
        var terms = Vectorizer.Transform(text, question);
        if (Embedding is not { } block)
        {
            return terms;
        }

        if (embedding is null || embedding.Length != block.Dimensions)
        {
            throw new ArgumentException($"This model reads {block.Model} embeddings of {block.Dimensions} numbers with each text.", nameof(embedding));
        }

        return terms.Append(embedding, Vectorizer.FeatureCount, block.Weight);
    }

    /// <summary>
    /// The sentiment's probabilities from a text's <see cref="Features"/> and, when the model reads them, the FFT answer
    /// with the question (<paramref name="given"/>'s, whose text may be the whole of which the features' text is a clause).
    /// </summary>
    private double[] SentimentProbabilities(SparseVector features, TextToAnalyse given, float[]? embedding)
    {
        var read = ReadsFft ? features.Append(AnswerContext.Of(given.Question, given.Fft), Vectorizer.FeatureCount + (Embedding?.Dimensions ?? 0)) : features;
        return Sentiment.Probabilities(read, Sentiment.Network is not { } network || embedding is null ? null : network.InputFor(embedding, given.Question, given.Fft));
    }

    /// <summary>Writes the model, compressed (<see cref="ModelCompression"/>).</summary>
    public void Save(Stream destination) => ModelCompression.Write(destination, Serialize());

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static LocalModel Load(Stream source)
    {
        using var model = ModelCompression.OpenRead(source);
        using var reader = new BinaryReader(model, Encoding.UTF8);
        var format = new string(reader.ReadChars(Magic.Length)) == Magic ? reader.ReadInt32() : -1;
        if (format is not (LegacyFormat or CalibratedFormat or NetworkFormat or FormatVersion))
        {
            throw new InvalidDataException("This is not a QualityVoice local model, or it is from another version.");
        }

        var dataHash = reader.ReadString();
        var embedding = format >= CalibratedFormat && reader.ReadBoolean() ? new EmbeddingBlock(reader.ReadString(), reader.ReadInt32(), reader.ReadSingle()) : null;
        var labels = new string[reader.ReadInt32()];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = FrameworkNames.Corrected(reader.ReadString());
        }

        var features = reader.ReadInt32();
        var wordTerms = reader.ReadInt32();
        var characterWeight = reader.ReadSingle();
        var terms = ReadArray(reader, features, r => r.ReadUInt64());
        var idf = ReadArray(reader, features, r => r.ReadSingle());
        var readsFft = format >= FormatVersion;
        var columns = features + (embedding?.Dimensions ?? 0);
        var themeWeights = ReadArray(reader, columns * labels.Length, r => (float)r.ReadHalf());
        var themeBias = ReadArray(reader, labels.Length, r => r.ReadSingle());
        var textThresholds = ReadArray(reader, labels.Length, r => r.ReadSingle());
        var questionThresholds = ReadArray(reader, labels.Length, r => r.ReadSingle());
        var sentimentWeights = ReadArray(reader, (columns + (readsFft ? AnswerContext.Dimensions : 0)) * 3, r => (float)r.ReadHalf());
        var sentimentBias = ReadArray(reader, 3, r => r.ReadSingle());
        var (network, networkWeight) = format >= NetworkFormat && reader.ReadBoolean() ? (SentimentNetwork.Read(reader, withoutFft: !readsFft), reader.ReadSingle()) : (null, 0f);
        var calibration = format >= CalibratedFormat
            ? new ModelCalibration(Local.Calibration.Read(reader), Local.Calibration.Read(reader), reader.ReadSingle())
            : ModelCalibration.None;
        return new LocalModel(
            TfIdfVectorizer.Load(terms, idf, wordTerms, characterWeight),
            new ThemeClassifier(labels, themeWeights, themeBias, textThresholds),
            textThresholds,
            questionThresholds,
            new SentimentClassifier(sentimentWeights, sentimentBias, network, networkWeight),
            dataHash,
            embedding,
            calibration,
            readsFft);
    }

    /// <summary>Where <c>./qv train</c> writes the model shipped in this assembly, under the repository.</summary>
    public const string ShippedPath = "src/Analysis/Models/local-model.qvlm.br";

    /// <summary>The model shipped in this assembly (trained by <c>./qv train</c>), loaded once.</summary>
    public static LocalModel Shipped => ShippedModel.Value;

    private static readonly Lazy<LocalModel> ShippedModel = new(() =>
    {
        using var stream = typeof(LocalModel).Assembly.GetManifestResourceStream("QualityVoice.Analysis.Models.local-model.qvlm.br")
            ?? throw new InvalidOperationException("The local model is missing from the assembly: run ./qv train.");
        return Load(stream);
    });

    private byte[] Serialize()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic.ToCharArray());
            writer.Write(ReadsFft ? FormatVersion : NetworkFormat);
            writer.Write(TrainingDataHash);
            writer.Write(Embedding is not null);
            if (Embedding is { } block)
            {
                writer.Write(block.Model);
                writer.Write(block.Dimensions);
                writer.Write(block.Weight);
            }

            writer.Write(Themes.Labels.Count);
            foreach (var label in Themes.Labels)
            {
                writer.Write(label);
            }

            writer.Write(Vectorizer.FeatureCount);
            writer.Write(Vectorizer.WordTerms);
            writer.Write(Vectorizer.CharacterWeight);
            Array.ForEach(Vectorizer.Terms, writer.Write);
            Array.ForEach(Vectorizer.Idf, writer.Write);
            foreach (var weight in Themes.Weights)
            {
                writer.Write((Half)weight);
            }

            Array.ForEach(Themes.Bias, writer.Write);
            Array.ForEach(TextThresholds, writer.Write);
            Array.ForEach(QuestionThresholds, writer.Write);
            foreach (var weight in Sentiment.Weights)
            {
                writer.Write((Half)weight);
            }

            Array.ForEach(Sentiment.Bias, writer.Write);
            writer.Write(Sentiment.Network is not null);
            if (Sentiment.Network is { } network)
            {
                network.Write(writer);
                writer.Write(Sentiment.NetworkWeight);
            }

            Calibration.Themes.Write(writer);
            Calibration.Sentiment.Write(writer);
            writer.Write(Calibration.ReviewBelow);
        }

        return buffer.ToArray();
    }

    private static T[] ReadArray<T>(BinaryReader reader, int length, Func<BinaryReader, T> read)
    {
        var values = new T[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = read(reader);
        }

        return values;
    }
}
