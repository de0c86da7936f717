using System.Security.Cryptography;
using System.Text;
using QualityVoice.Analysis.Local;

namespace QualityVoice.Analysis.Urgency;

/// <summary>
/// Decides whether a comment must be read today, tuned for recall, from three things a person can check:
/// <list type="bullet">
/// <item>the lexicon's phrases (<see cref="UrgencyDetector"/>); a phrase about suicide or self-harm always flags, and so does
/// any other phrase unless the model was trained to let the classifier overrule those (<see cref="UrgencyThresholds.Guard"/>;
/// the shipped model keeps every phrase as a floor, docs/clinical-safety.md C1.3);</item>
/// <item>a logistic regression over the comment's sentence embedding, its words, which lexicon reasons matched and how it sits
/// among the labelled examples (<see cref="Neighbourhood"/>), which reads meaning the words miss ("I've been saving up my
/// tablets"); and a second one, for suicide and self-harm alone, whose threshold is set so that none of them is missed;</item>
/// <item>a third, which reason an urgent comment is about (<see cref="UrgencyReasonClassifier"/>), when the classifier flags
/// it, with the nearest of the curated urgent examples of that reason (the labelled set's training part) as the evidence.
/// Closeness to an urgent example can also flag by itself (<see cref="UrgencyThresholds.Similarity"/>), which the shipped
/// model does not do.</item>
/// </list>
/// The thresholds are chosen by cross-validation on the training part so that nearly every urgent comment is caught;
/// the held-aside part measures it (docs/clinical-safety.md).
/// </summary>
public sealed class UrgencyModel
{
    private const string Magic = "QVUM";
    // Version 3: the reason classifier (version 2 took the reason from a vote of the nearest examples).
    private const int FormatVersion = 3;
    private const int Neighbours = 3;

    /// <summary>The neighbourhood's features: the share of urgent examples among the nearest, and the margin.</summary>
    private const int NeighbourFeatures = 2;

    /// <summary>Cosine margins between nearest examples are mostly within ±0.2: this brings them to about ±1.</summary>
    private const double MarginScale = 5;

    internal UrgencyModel(
        string embeddingModel,
        int dimensions,
        TfIdfVectorizer terms,
        float[] weights,
        float bias,
        float[] selfHarmWeights,
        float selfHarmBias,
        UrgencyReasonClassifier? reasonClassifier,
        float lexiconWeight,
        float neighbourWeight,
        UrgencyThresholds thresholds,
        IReadOnlyList<UrgencyExemplar> urgent,
        IReadOnlyList<float[]> calm,
        string trainingDataHash)
    {
        EmbeddingModel = embeddingModel;
        Dimensions = dimensions;
        Terms = terms;
        Weights = weights;
        Bias = bias;
        SelfHarmWeights = selfHarmWeights;
        SelfHarmBias = selfHarmBias;
        ReasonClassifier = reasonClassifier;
        LexiconWeight = lexiconWeight;
        NeighbourWeight = neighbourWeight;
        Thresholds = thresholds;
        Urgent = urgent;
        Calm = calm;
        TrainingDataHash = trainingDataHash;
        Version = "urgency-" + Convert.ToHexStringLower(SHA256.HashData(Serialize()))[..12];
    }

    /// <summary>The model's version: a hash of its file.</summary>
    public string Version { get; }

    /// <summary>Whose embeddings it reads.</summary>
    public string EmbeddingModel { get; }

    /// <summary>The thresholds it decides with.</summary>
    public UrgencyThresholds Thresholds { get; }

    /// <summary>SHA-256 of the labelled set it was trained on.</summary>
    public string TrainingDataHash { get; }

    /// <summary>The embedding's length.</summary>
    internal int Dimensions { get; }

    /// <summary>The words and character n-grams of the labelled set, whose weights follow the embedding's and the lexicon's.</summary>
    internal TfIdfVectorizer Terms { get; }

    internal float[] Weights { get; }

    internal float Bias { get; }

    internal float[] SelfHarmWeights { get; }

    internal float SelfHarmBias { get; }

    /// <summary>Which reason a flagged comment is about (none while the model is only being laid out, before it learns).</summary>
    internal UrgencyReasonClassifier? ReasonClassifier { get; }

    internal float LexiconWeight { get; }

    internal float NeighbourWeight { get; }

    /// <summary>How many features the classifiers read: the embedding, the lexicon's reasons, the neighbourhood, the terms.</summary>
    internal int FeatureCount => Dimensions + UrgencyReasons.All.Count + NeighbourFeatures + Terms.FeatureCount;

    internal IReadOnlyList<UrgencyExemplar> Urgent { get; }

    internal IReadOnlyList<float[]> Calm { get; }

    /// <summary>Whether the comment is urgent, why, and the evidence for each reason.</summary>
    public UrgencyAssessment Assess(string text, float[] embedding)
    {
        var phrases = UrgencyDetector.Find(text);
        var features = Features(text, embedding, phrases);
        var probability = Probability(features);

        // The nearest examples are looked for only when they can flag the comment, or once it is flagged (for evidence).
        var (similarity, calmSimilarity) = Thresholds.Similarity <= 1 ? Nearest(embedding) : (0.0, 0.0);

        var selfHarm = SelfHarmProbability(features);
        var floor = phrases.Any(signal => signal.Reason == UrgencyReasons.SuicideOrSelfHarm);
        var byPhrase = phrases.Count > 0 && probability >= Thresholds.Guard;
        var byMeaning = probability >= Thresholds.Classifier;
        var bySelfHarm = selfHarm >= Thresholds.SelfHarm;
        var bySimilarity = similarity >= Thresholds.Similarity && similarity > calmSimilarity;
        if (!floor && !byPhrase && !byMeaning && !bySelfHarm && !bySimilarity)
        {
            return UrgencyAssessment.NotUrgent(probability);
        }

        var signals = new List<UrgencySignal>();
        signals.AddRange(floor && !byPhrase ? phrases.Where(signal => signal.Reason == UrgencyReasons.SuicideOrSelfHarm) : phrases);
        if (bySelfHarm)
        {
            signals.Add(new UrgencySignal(UrgencyReasons.SuicideOrSelfHarm, UrgencySignal.Meaning, string.Empty, Math.Round(selfHarm, 3)));
        }

        if (byMeaning || bySimilarity)
        {
            var reason = (ReasonClassifier ?? throw new InvalidOperationException("This urgency model has not been trained.")).Reason(features);
            if (NearestOf(reason, embedding) is ({ } example, var closeness))
            {
                signals.Add(new UrgencySignal(reason, UrgencySignal.Similar, example.Text, Math.Round(closeness, 3)));
            }

            if (byMeaning)
            {
                signals.Add(new UrgencySignal(reason, UrgencySignal.Meaning, string.Empty, Math.Round(probability, 3)));
            }
        }

        var reasons = UrgencyReasons.All.Where(reason => signals.Any(signal => signal.Reason == reason)).ToArray();
        return new UrgencyAssessment(true, reasons, signals, probability);
    }

    /// <summary>The classifier's probability that the comment whose <see cref="Features"/> these are is urgent.</summary>
    internal double Probability(SparseVector features) => LogisticRegression.Sigmoid(Score(Weights, Bias, features));

    /// <summary>The self-harm classifier's probability that the comment speaks of suicide or self-harm.</summary>
    internal double SelfHarmProbability(SparseVector features) => LogisticRegression.Sigmoid(Score(SelfHarmWeights, SelfHarmBias, features));

    /// <summary>
    /// A comment's features: its embedding, a feature for each lexicon reason matched, its <see cref="Neighbourhood"/>,
    /// then its terms.
    /// </summary>
    internal SparseVector Features(string text, float[] embedding, IReadOnlyList<UrgencySignal> phrases)
    {
        if (embedding.Length != Dimensions)
        {
            throw new ArgumentException($"This model reads {EmbeddingModel} embeddings of {Dimensions} numbers.", nameof(embedding));
        }

        var matched = phrases.Select(signal => Dimensions + IndexOf(signal.Reason)).Distinct().Order().ToArray();
        var (share, margin) = Neighbourhood(embedding);
        var terms = Terms.Transform(text, QuestionKind.Unknown);
        var indices = new int[Dimensions + matched.Length + NeighbourFeatures + terms.Count];
        var values = new float[indices.Length];
        for (var d = 0; d < Dimensions; d++)
        {
            (indices[d], values[d]) = (d, embedding[d]);
        }

        var k = Dimensions;
        foreach (var reason in matched)
        {
            (indices[k], values[k]) = (reason, LexiconWeight);
            k++;
        }

        var neighbourhood = Dimensions + UrgencyReasons.All.Count;
        (indices[k], values[k]) = (neighbourhood, (float)(NeighbourWeight * share));
        (indices[k + 1], values[k + 1]) = (neighbourhood + 1, (float)(NeighbourWeight * margin));
        k += NeighbourFeatures;

        var offset = neighbourhood + NeighbourFeatures;
        for (var t = 0; t < terms.Count; t++, k++)
        {
            (indices[k], values[k]) = (offset + terms.Indices[t], terms.Values[t]);
        }

        return new SparseVector(indices, values);
    }

    /// <summary>
    /// How a comment sits among the labelled examples, which a linear classifier cannot work out from the embedding alone:
    /// the share of urgent examples among its <see cref="Neighbours"/> nearest (each counted by its similarity), and how
    /// much closer it is to the nearest urgent examples than to the nearest calm ones. While the model is trained, an
    /// example is not its own neighbour (it is recognised by its embedding), so a comment is learnt with the
    /// neighbourhood an unseen one would have.
    /// </summary>
    internal (double Share, double Margin) Neighbourhood(float[] embedding)
    {
        if (Urgent.Count == 0 || Calm.Count == 0)
        {
            return (0, 0);
        }

        Span<double> urgent = stackalloc double[Neighbours];
        Span<double> calm = stackalloc double[Neighbours];
        urgent.Fill(double.NegativeInfinity);
        calm.Fill(double.NegativeInfinity);
        foreach (var exemplar in Urgent)
        {
            if (!ReferenceEquals(exemplar.Embedding, embedding))
            {
                KeepNearest(urgent, Cosine(embedding, exemplar.Embedding));
            }
        }

        foreach (var vector in Calm)
        {
            if (!ReferenceEquals(vector, embedding))
            {
                KeepNearest(calm, Cosine(embedding, vector));
            }
        }

        // The nearest overall are the nearest of the two lists merged (fewer, when there are fewer examples).
        double urgentSum = 0, sum = 0;
        for (int u = 0, c = 0; u + c < Neighbours && double.IsFinite(Math.Max(urgent[u], calm[c]));)
        {
            if (urgent[u] >= calm[c])
            {
                urgentSum += urgent[u];
                sum += urgent[u++];
            }
            else
            {
                sum += calm[c++];
            }
        }

        var share = sum == 0 ? 0 : urgentSum / sum;
        return (share, MarginScale * (Mean(urgent) - Mean(calm)));
    }

    /// <summary>Keeps the largest similarities seen, largest first.</summary>
    private static void KeepNearest(Span<double> nearest, double similarity)
    {
        if (similarity <= nearest[^1])
        {
            return;
        }

        var i = nearest.Length - 1;
        for (; i > 0 && nearest[i - 1] < similarity; i--)
        {
            nearest[i] = nearest[i - 1];
        }

        nearest[i] = similarity;
    }

    private static double Mean(ReadOnlySpan<double> nearest)
    {
        double sum = 0;
        var count = 0;
        foreach (var similarity in nearest)
        {
            if (!double.IsNegativeInfinity(similarity))
            {
                (sum, count) = (sum + similarity, count + 1);
            }
        }

        return count == 0 ? 0 : sum / count;
    }

    /// <summary>Writes the model, compressed (<see cref="ModelCompression"/>).</summary>
    public void Save(Stream destination) => ModelCompression.Write(destination, Serialize());

    /// <summary>Reads a model <see cref="Save"/> wrote.</summary>
    public static UrgencyModel Load(Stream source)
    {
        using var model = ModelCompression.OpenRead(source);
        using var reader = new BinaryReader(model, Encoding.UTF8);
        if (new string(reader.ReadChars(Magic.Length)) != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("This is not a QualityVoice urgency model, or it is from another version.");
        }

        var dataHash = reader.ReadString();
        var embeddingModel = reader.ReadString();
        var dimensions = reader.ReadInt32();
        var termCount = reader.ReadInt32();
        var wordTerms = reader.ReadInt32();
        var characterWeight = reader.ReadSingle();
        var termHashes = new ulong[termCount];
        var idf = new float[termCount];
        for (var i = 0; i < termCount; i++)
        {
            (termHashes[i], idf[i]) = (reader.ReadUInt64(), reader.ReadSingle());
        }

        var weights = new float[reader.ReadInt32()];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = reader.ReadSingle();
        }

        var bias = reader.ReadSingle();
        var selfHarmWeights = new float[weights.Length];
        for (var i = 0; i < selfHarmWeights.Length; i++)
        {
            selfHarmWeights[i] = reader.ReadSingle();
        }

        var selfHarmBias = reader.ReadSingle();
        var reasonClassifier = UrgencyReasonClassifier.Read(reader);
        var lexiconWeight = reader.ReadSingle();
        var neighbourWeight = reader.ReadSingle();
        var thresholds = new UrgencyThresholds(reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle());
        var urgent = new UrgencyExemplar[reader.ReadInt32()];
        for (var i = 0; i < urgent.Length; i++)
        {
            urgent[i] = new UrgencyExemplar(reader.ReadString(), reader.ReadString(), ReadVector(reader, dimensions));
        }

        var calm = new float[reader.ReadInt32()][];
        for (var i = 0; i < calm.Length; i++)
        {
            calm[i] = ReadVector(reader, dimensions);
        }

        var terms = TfIdfVectorizer.Load(termHashes, idf, wordTerms, characterWeight);
        return new UrgencyModel(embeddingModel, dimensions, terms, weights, bias, selfHarmWeights, selfHarmBias, reasonClassifier, lexiconWeight, neighbourWeight, thresholds, urgent, calm, dataHash);
    }

    internal static int IndexOf(string reason) => ReasonIndex[reason];

    private static double Score(float[] weights, float bias, SparseVector features)
    {
        double z = bias;
        for (var k = 0; k < features.Count; k++)
        {
            z += weights[features.Indices[k]] * features.Values[k];
        }

        return z;
    }

    private static readonly Dictionary<string, int> ReasonIndex =
        UrgencyReasons.All.Select((reason, index) => (reason, index)).ToDictionary(pair => pair.reason, pair => pair.index, StringComparer.Ordinal);

    internal static double Cosine(float[] a, float[] b)
    {
        // Both are unit length: the dot product is the cosine.
        var sum = 0.0;
        for (var d = 0; d < a.Length; d++)
        {
            sum += a[d] * b[d];
        }

        return sum;
    }

    // How close the nearest urgent example is, and the nearest calm one.
    private (double Similarity, double CalmSimilarity) Nearest(float[] embedding) =>
        (Urgent.Count == 0 ? double.MinValue : Urgent.Max(exemplar => Cosine(embedding, exemplar.Embedding)),
         Calm.Count == 0 ? double.MinValue : Calm.Max(vector => Cosine(embedding, vector)));

    /// <summary>The nearest urgent example of a reason, shown as the evidence for it, and how close it is.</summary>
    private (UrgencyExemplar? Example, double Similarity) NearestOf(string reason, float[] embedding) =>
        Urgent.Where(exemplar => exemplar.Reason == reason)
            .Select(exemplar => ((UrgencyExemplar?)exemplar, Cosine(embedding, exemplar.Embedding)))
            .DefaultIfEmpty((null, 0.0))
            .MaxBy(pair => pair.Item2);

    private static float[] ReadVector(BinaryReader reader, int dimensions)
    {
        var vector = new float[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            vector[d] = (float)reader.ReadHalf();
        }

        return vector;
    }

    private byte[] Serialize()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic.ToCharArray());
            writer.Write(FormatVersion);
            writer.Write(TrainingDataHash);
            writer.Write(EmbeddingModel);
            writer.Write(Dimensions);
            writer.Write(Terms.FeatureCount);
            writer.Write(Terms.WordTerms);
            writer.Write(Terms.CharacterWeight);
            for (var i = 0; i < Terms.FeatureCount; i++)
            {
                writer.Write(Terms.Terms[i]);
                writer.Write(Terms.Idf[i]);
            }

            writer.Write(Weights.Length);
            Array.ForEach(Weights, writer.Write);
            writer.Write(Bias);
            Array.ForEach(SelfHarmWeights, writer.Write);
            writer.Write(SelfHarmBias);
            ReasonClassifier?.Write(writer);
            writer.Write(LexiconWeight);
            writer.Write(NeighbourWeight);
            writer.Write(Thresholds.Classifier);
            writer.Write(Thresholds.Guard);
            writer.Write(Thresholds.Similarity);
            writer.Write(Thresholds.SelfHarm);
            writer.Write(Urgent.Count);
            foreach (var exemplar in Urgent)
            {
                writer.Write(exemplar.Text);
                writer.Write(exemplar.Reason);
                foreach (var value in exemplar.Embedding)
                {
                    writer.Write((Half)value);
                }
            }

            writer.Write(Calm.Count);
            foreach (var vector in Calm)
            {
                foreach (var value in vector)
                {
                    writer.Write((Half)value);
                }
            }
        }

        return buffer.ToArray();
    }
}

/// <summary>The thresholds an urgency model decides with.</summary>
/// <param name="Classifier">The probability at or above which the classifier alone flags a comment.</param>
/// <param name="Guard">Below this probability a phrase (other than suicide or self-harm) is taken as ordinary use.</param>
/// <param name="Similarity">The cosine similarity to an urgent example at or above which, if no calm example is nearer, a comment is flagged.</param>
/// <param name="SelfHarm">
/// The probability at or above which the self-harm classifier (suicide or self-harm against everything else) flags a
/// comment: the reason whose recall must be complete has its own classifier and threshold.
/// </param>
public sealed record UrgencyThresholds(float Classifier, float Guard, float Similarity, float SelfHarm);

/// <summary>A curated urgent example: its words (shown as evidence), its reason and its embedding.</summary>
/// <param name="Text">The example's words (written for the purpose: no one's real comment).</param>
/// <param name="Reason">Its reason.</param>
/// <param name="Embedding">Its sentence embedding.</param>
public sealed record UrgencyExemplar(string Text, string Reason, float[] Embedding);

/// <summary>What the urgency model decided about one comment.</summary>
/// <param name="Urgent">Whether a person must read it today.</param>
/// <param name="Reasons">Why, most severe first.</param>
/// <param name="Signals">The evidence for each reason.</param>
/// <param name="Probability">The classifier's probability, for calibration and review.</param>
public sealed record UrgencyAssessment(bool Urgent, IReadOnlyList<string> Reasons, IReadOnlyList<UrgencySignal> Signals, double Probability)
{
    /// <summary>Not urgent.</summary>
    public static UrgencyAssessment NotUrgent(double probability) => new(false, [], [], probability);
}
