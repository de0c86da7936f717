namespace QualityVoice.Analysis.Local;

/// <summary>
/// Three-class sentiment (positive, neutral or mixed, negative) by multinomial logistic regression, averaged, when the
/// model reads sentence embeddings, with a small neural head over the embedding (<see cref="SentimentNetwork"/>). The
/// score is P(positive) − P(negative); a middle comment with real weight on both sides is mixed rather than neutral.
/// </summary>
internal sealed class SentimentClassifier(float[] weights, float[] bias, SentimentNetwork? network = null, float networkWeight = 0)
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

    /// <summary>The neural head over the embedding, if the model has one.</summary>
    public SentimentNetwork? Network { get; } = network;

    /// <summary>The neural head's share of the probabilities (the regression has the rest).</summary>
    public float NetworkWeight { get; } = networkWeight;

    /// <summary>
    /// Fits the regression to the features, and, when <paramref name="networkInputs"/> are given (<see cref="SentimentNetwork.Input"/>
    /// for the same rows), the neural head to those, to be weighed <paramref name="networkWeight"/> in the average.
    /// </summary>
    public static SentimentClassifier Fit(
        SparseMatrix x, int[] classes, double c, float[][]? networkInputs = null, SentimentNetworkOptions? networkOptions = null, float networkWeight = 0, int seed = 0)
    {
        var (weights, bias) = SoftmaxRegression.Fit(x, classes, Classes, c, balanced: false);
        var network = networkInputs is null || networkWeight <= 0
            ? null
            : SentimentNetwork.Fit(networkInputs, classes, networkOptions ?? new SentimentNetworkOptions(), seed);
        return new SentimentClassifier(weights, bias, network, network is null ? 0 : networkWeight);
    }

    /// <summary>The three probabilities; <paramref name="networkInput"/> is what the neural head reads, needed when there is one.</summary>
    public double[] Probabilities(SparseVector features, float[]? networkInput = null)
    {
        var z = new double[Classes];
        SoftmaxRegression.Scores(Weights, Bias, features, z);
        SoftmaxRegression.Softmax(z);
        if (Network is null)
        {
            return z;
        }

        var network = Network.Probabilities(networkInput ?? throw new ArgumentNullException(nameof(networkInput), "This sentiment model reads each text's embedding."));
        for (var k = 0; k < Classes; k++)
        {
            z[k] = (1 - NetworkWeight) * z[k] + NetworkWeight * network[k];
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
