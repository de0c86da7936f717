namespace QualityVoice.Analysis.Local;

/// <summary>
/// Multinomial logistic regression with L2 regularisation and class weights, fitted with L-BFGS: one weight
/// vector per class, probabilities by softmax.
/// </summary>
internal static class SoftmaxRegression
{
    /// <summary>Fits weights laid out feature by feature (<c>w[feature * classes + class]</c>) and a bias per class.</summary>
    public static (float[] Weights, float[] Bias) Fit(SparseMatrix x, int[] label, int classes, double c, bool balanced)
    {
        var n = x.Rows;
        var features = x.Columns;
        var counts = new int[classes];
        foreach (var l in label)
        {
            counts[l]++;
        }

        var classWeight = counts.Select(count => balanced && count > 0 ? n / (double)(classes * count) : 1.0).ToArray();
        var lambda = 1.0 / c;
        var z = new double[classes];

        double Loss(ReadOnlySpan<double> w, Span<double> gradient)
        {
            gradient.Clear();
            var loss = 0.0;
            var biasAt = features * classes;
            for (var i = 0; i < n; i++)
            {
                for (var k = 0; k < classes; k++)
                {
                    z[k] = w[biasAt + k];
                }

                for (var p = x.RowStart[i]; p < x.RowStart[i + 1]; p++)
                {
                    var offset = x.ColumnIndex[p] * classes;
                    for (var k = 0; k < classes; k++)
                    {
                        z[k] += x.Value[p] * w[offset + k];
                    }
                }

                var max = z.Max();
                var sum = 0.0;
                for (var k = 0; k < classes; k++)
                {
                    z[k] = Math.Exp(z[k] - max);
                    sum += z[k];
                }

                var weight = classWeight[label[i]];
                loss -= weight * Math.Log(Math.Max(z[label[i]] / sum, 1e-300));
                for (var k = 0; k < classes; k++)
                {
                    var residual = weight * (z[k] / sum - (k == label[i] ? 1.0 : 0.0));
                    gradient[biasAt + k] += residual;
                    for (var p = x.RowStart[i]; p < x.RowStart[i + 1]; p++)
                    {
                        gradient[x.ColumnIndex[p] * classes + k] += residual * x.Value[p];
                    }
                }
            }

            for (var j = 0; j < features * classes; j++)
            {
                loss += 0.5 * lambda * w[j] * w[j];
                gradient[j] += lambda * w[j];
            }

            return loss;
        }

        var solution = Lbfgs.Minimize(features * classes + classes, Loss);
        return (
            solution[..(features * classes)].Select(value => (float)value).ToArray(),
            solution[(features * classes)..].Select(value => (float)value).ToArray());
    }

    /// <summary>Each class's score (before the softmax) for <paramref name="features"/>, with weights laid out as <see cref="Fit"/> lays them out.</summary>
    public static void Scores(float[] weights, float[] bias, SparseVector features, Span<double> scores)
    {
        var classes = bias.Length;
        for (var k = 0; k < classes; k++)
        {
            scores[k] = bias[k];
        }

        for (var p = 0; p < features.Count; p++)
        {
            var offset = features.Indices[p] * classes;
            for (var k = 0; k < classes; k++)
            {
                scores[k] += features.Values[p] * weights[offset + k];
            }
        }
    }

    /// <summary>Turns each class's score into its probability, in place.</summary>
    public static void Softmax(Span<double> scores)
    {
        var max = double.MinValue;
        foreach (var score in scores)
        {
            max = Math.Max(max, score);
        }

        var sum = 0.0;
        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] = Math.Exp(scores[k] - max);
            sum += scores[k];
        }

        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] /= sum;
        }
    }
}
