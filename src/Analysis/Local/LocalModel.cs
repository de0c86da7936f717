using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace QualityVoice.Analysis.Local;

/// <summary>
/// The trained local model: the vocabulary, the theme regressions with their thresholds (one set for text
/// alone, one for text with its question), and the sentiment regression. Saved as a small gzipped binary file
/// whose version is the hash of its contents, so a stored analysis always says which model made it.
/// </summary>
public sealed class LocalModel
{
    private const string Magic = "QVLM";
    private const int FormatVersion = 1;

    internal LocalModel(TfIdfVectorizer vectorizer, ThemeClassifier themes, float[] textThresholds, float[] questionThresholds, SentimentClassifier sentiment, string trainingDataHash)
    {
        Vectorizer = vectorizer;
        Themes = themes;
        TextThresholds = textThresholds;
        QuestionThresholds = questionThresholds;
        Sentiment = sentiment;
        TrainingDataHash = trainingDataHash;
        Version = "local-" + Convert.ToHexStringLower(SHA256.HashData(Serialize()))[..12];
    }

    /// <summary>The model's version: "local-" and the start of the hash of its contents.</summary>
    public string Version { get; }

    /// <summary>SHA-256 of the training file it was trained on.</summary>
    public string TrainingDataHash { get; }

    /// <summary>The sub-categories it predicts, exactly as the training file names them.</summary>
    public IReadOnlyList<string> Labels => Themes.Labels;

    internal TfIdfVectorizer Vectorizer { get; }

    internal ThemeClassifier Themes { get; }

    internal float[] TextThresholds { get; }

    internal float[] QuestionThresholds { get; }

    internal SentimentClassifier Sentiment { get; }

    /// <summary>Predicts a comment's sub-categories (with confidence, most confident first) and sentiment.</summary>
    public (IReadOnlyList<ThemePrediction> Themes, Sentiment Sentiment, double Score) Predict(string text, QuestionKind question = QuestionKind.Unknown)
    {
        var features = Vectorizer.Transform(text, question);
        var probabilities = Themes.Probabilities(features);
        var decided = ThemeClassifier.Decide(probabilities, question == QuestionKind.Unknown ? TextThresholds : QuestionThresholds, atLeastOne: true);
        var themes = new List<ThemePrediction>();
        for (var l = 0; l < decided.Length; l++)
        {
            if (decided[l])
            {
                themes.Add(new ThemePrediction(Themes.Labels[l], Math.Round(probabilities[l], 3)));
            }
        }

        themes.Sort((a, b) => b.Confidence.CompareTo(a.Confidence));
        var (sentiment, score) = SentimentClassifier.Decide(Sentiment.Probabilities(features));
        return (themes, sentiment, Math.Round(score, 3));
    }

    /// <summary>Writes the model, gzipped.</summary>
    public void Save(Stream destination)
    {
        using var gzip = new GZipStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        gzip.Write(Serialize());
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static LocalModel Load(Stream source)
    {
        using var gzip = new GZipStream(source, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip, Encoding.UTF8);
        if (new string(reader.ReadChars(Magic.Length)) != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("This is not a QualityVoice local model, or it is from another version.");
        }

        var dataHash = reader.ReadString();
        var labels = new string[reader.ReadInt32()];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = reader.ReadString();
        }

        var features = reader.ReadInt32();
        var wordTerms = reader.ReadInt32();
        var characterWeight = reader.ReadSingle();
        var terms = ReadArray(reader, features, r => r.ReadUInt64());
        var idf = ReadArray(reader, features, r => r.ReadSingle());
        var themeWeights = ReadArray(reader, features * labels.Length, r => (float)r.ReadHalf());
        var themeBias = ReadArray(reader, labels.Length, r => r.ReadSingle());
        var textThresholds = ReadArray(reader, labels.Length, r => r.ReadSingle());
        var questionThresholds = ReadArray(reader, labels.Length, r => r.ReadSingle());
        var sentimentWeights = ReadArray(reader, features * 3, r => (float)r.ReadHalf());
        var sentimentBias = ReadArray(reader, 3, r => r.ReadSingle());
        return new LocalModel(
            TfIdfVectorizer.Load(terms, idf, wordTerms, characterWeight),
            new ThemeClassifier(labels, themeWeights, themeBias, textThresholds),
            textThresholds,
            questionThresholds,
            new SentimentClassifier(sentimentWeights, sentimentBias),
            dataHash);
    }

    /// <summary>The model shipped in this assembly (trained by <c>./qv train</c>), loaded once.</summary>
    public static LocalModel Shipped => ShippedModel.Value;

    private static readonly Lazy<LocalModel> ShippedModel = new(() =>
    {
        using var stream = typeof(LocalModel).Assembly.GetManifestResourceStream("QualityVoice.Analysis.Models.local-model.qvlm.gz")
            ?? throw new InvalidOperationException("The local model is missing from the assembly: run ./qv train.");
        return Load(stream);
    });

    private byte[] Serialize()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic.ToCharArray());
            writer.Write(FormatVersion);
            writer.Write(TrainingDataHash);
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
