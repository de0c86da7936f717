using QualityVoice.Analysis.Local;

namespace QualityVoice.Analysis.Urgency;

/// <summary>
/// Which reason an urgent comment is about, when no phrase of the lexicon says so: a multinomial logistic regression over
/// the urgency model's features, learnt from the urgent examples alone. Out of fold it names the labelled reason more
/// often than a vote of the nearest examples did (docs/model-card.md).
/// </summary>
internal sealed class UrgencyReasonClassifier
{
    private UrgencyReasonClassifier(float[] weights, float[] bias) => (Weights, Bias) = (weights, bias);

    /// <summary>The weights, feature by feature (<c>w[feature * reasons + reason]</c>), as <see cref="SoftmaxRegression"/> lays them out.</summary>
    public float[] Weights { get; }

    /// <summary>A bias for each reason, in the order of <see cref="UrgencyReasons.All"/>.</summary>
    public float[] Bias { get; }

    /// <summary>Learns from the urgent examples' features and their reasons.</summary>
    public static UrgencyReasonClassifier Fit(SparseMatrix features, IReadOnlyList<string> reasons, double c)
    {
        var labels = reasons.Select(UrgencyModel.IndexOf).ToArray();
        var (weights, bias) = SoftmaxRegression.Fit(features, labels, UrgencyReasons.All.Count, c, balanced: true);
        return new UrgencyReasonClassifier(weights, bias);
    }

    /// <summary>The most likely reason (ties to the more severe, which comes first).</summary>
    public string Reason(SparseVector features)
    {
        Span<double> scores = stackalloc double[Bias.Length];
        SoftmaxRegression.Scores(Weights, Bias, features, scores);
        var best = 0;
        for (var r = 1; r < scores.Length; r++)
        {
            best = scores[r] > scores[best] ? r : best;
        }

        return UrgencyReasons.All[best];
    }

    /// <summary>Writes the weights and biases.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Bias.Length);
        Array.ForEach(Bias, writer.Write);
        writer.Write(Weights.Length);
        Array.ForEach(Weights, writer.Write);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static UrgencyReasonClassifier Read(BinaryReader reader)
    {
        var bias = new float[reader.ReadInt32()];
        for (var r = 0; r < bias.Length; r++)
        {
            bias[r] = reader.ReadSingle();
        }

        var weights = new float[reader.ReadInt32()];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = reader.ReadSingle();
        }

        return bias.Length == UrgencyReasons.All.Count
            ? new UrgencyReasonClassifier(weights, bias)
            : throw new InvalidDataException($"The urgency model's reason classifier knows {bias.Length} reasons, not {UrgencyReasons.All.Count}.");
    }
}
