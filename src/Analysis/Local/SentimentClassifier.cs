namespace QualityVoice.Analysis.Local;

/// <summary>
/// Three-class sentiment (positive, neutral or mixed, negative) by multinomial logistic regression. The score is
/// P(positive) − P(negative); a middle comment with real weight on both sides is mixed rather than neutral.
/// </summary>
internal sealed class SentimentClassifier(float[] weights, float[] bias)
{
    /// <summary>The classes, in the model's order.</summary>
    public const int Positive = 0;

    /// <summary>Neutral or mixed.</summary>
    public const int Middle = 1;

    /// <summary>Negative.</summary>
    public const int Negative = 2;

    private const int Classes = 3;

    /// <summary>Weights laid out feature by feature.</summary>
    public float[] Weights { get; } = weights;

    /// <summary>Each class's bias.</summary>
    public float[] Bias { get; } = bias;

    /// <summary>Fits the model.</summary>
    public static SentimentClassifier Fit(SparseMatrix x, int[] classes, double c)
    {
        var (weights, bias) = SoftmaxRegression.Fit(x, classes, Classes, c, balanced: false);
        return new SentimentClassifier(weights, bias);
    }

    /// <summary>The three probabilities.</summary>
    public double[] Probabilities(SparseVector features)
    {
        var z = new double[Classes];
        for (var k = 0; k < Classes; k++)
        {
            z[k] = Bias[k];
        }

        for (var p = 0; p < features.Count; p++)
        {
            var offset = features.Indices[p] * Classes;
            for (var k = 0; k < Classes; k++)
            {
                z[k] += features.Values[p] * Weights[offset + k];
            }
        }

        var max = z.Max();
        var sum = 0.0;
        for (var k = 0; k < Classes; k++)
        {
            z[k] = Math.Exp(z[k] - max);
            sum += z[k];
        }

        for (var k = 0; k < Classes; k++)
        {
            z[k] /= sum;
        }

        return z;
    }

    /// <summary>The sentiment and its score from the probabilities.</summary>
    public static (Sentiment Sentiment, double Score) Decide(double[] p)
    {
        var score = p[Positive] - p[Negative];
        var best = p[Positive] >= p[Middle] && p[Positive] >= p[Negative] ? Positive
            : p[Negative] >= p[Middle] ? Negative
            : Middle;
        var sentiment = best switch
        {
            Positive => Sentiment.Positive,
            Negative => Sentiment.Negative,
            _ when p[Positive] >= 0.2 && p[Negative] >= 0.2 => Sentiment.Mixed,
            _ => Sentiment.Neutral,
        };
        return (sentiment, score);
    }
}
