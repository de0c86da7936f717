namespace QualityVoice.Analysis.Local;

/// <summary>
/// One logistic regression per sub-category (one-vs-rest), each with its own threshold chosen by
/// cross-validation. Every comment in the framework has at least one sub-category, so when none clears its
/// threshold the one nearest to it is given.
/// </summary>
internal sealed class ThemeClassifier
{
    public ThemeClassifier(IReadOnlyList<string> labels, float[] weights, float[] bias, float[] thresholds)
    {
        Labels = labels;
        Weights = weights;
        Bias = bias;
        Thresholds = thresholds;
    }

    /// <summary>The sub-categories.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Weights laid out feature by feature: <c>Weights[feature * labels + label]</c>.</summary>
    public float[] Weights { get; }

    /// <summary>Each label's bias.</summary>
    public float[] Bias { get; }

    /// <summary>Each label's decision threshold on its probability.</summary>
    public float[] Thresholds { get; set; }

    /// <summary>Fits one regression per label (in parallel; each is deterministic on its own).</summary>
    public static ThemeClassifier Fit(SparseMatrix x, IReadOnlyList<bool[]> labels, IReadOnlyList<string> names, double c, bool balanced)
    {
        var count = names.Count;
        var weights = new float[x.Columns * count];
        var bias = new float[count];
        Parallel.For(0, count, label =>
        {
            var y = labels.Select(row => row[label]).ToArray();
            if (!y.Any(positive => positive))
            {
                bias[label] = -20f;
                return;
            }

            var (w, b) = LogisticRegression.Fit(x, y, c, balanced);
            for (var j = 0; j < w.Length; j++)
            {
                weights[j * count + label] = w[j];
            }

            bias[label] = b;
        });
        return new ThemeClassifier(names, weights, bias, Enumerable.Repeat(0.5f, count).ToArray());
    }

    /// <summary>Each label's probability for a comment.</summary>
    public double[] Probabilities(SparseVector features)
    {
        var count = Labels.Count;
        var z = new double[count];
        for (var l = 0; l < count; l++)
        {
            z[l] = Bias[l];
        }

        var weights = Weights.AsSpan();
        for (var k = 0; k < features.Count; k++)
        {
            var row = weights.Slice(features.Indices[k] * count, count);
            var value = features.Values[k];
            for (var l = 0; l < count; l++)
            {
                z[l] += value * row[l];
            }
        }

        for (var l = 0; l < count; l++)
        {
            z[l] = LogisticRegression.Sigmoid(z[l]);
        }

        return z;
    }

    /// <summary>The threshold of a label the training data never gave: no probability reaches it.</summary>
    public const float Never = 2f;

    /// <summary>
    /// The labels a comment gets: those over their thresholds, or else the one closest to its threshold (never one
    /// whose threshold is <see cref="Never"/>).
    /// </summary>
    public static bool[] Decide(double[] probabilities, IReadOnlyList<float> thresholds, bool atLeastOne)
    {
        var decided = new bool[probabilities.Length];
        var any = false;
        var best = -1;
        var bestRatio = double.MinValue;
        for (var l = 0; l < probabilities.Length; l++)
        {
            decided[l] = probabilities[l] >= thresholds[l];
            any |= decided[l];
            var ratio = probabilities[l] / Math.Max(thresholds[l], 1e-6);
            if (ratio > bestRatio && thresholds[l] < Never)
            {
                bestRatio = ratio;
                best = l;
            }
        }

        if (!any && atLeastOne && best >= 0)
        {
            decided[best] = true;
        }

        return decided;
    }
}
