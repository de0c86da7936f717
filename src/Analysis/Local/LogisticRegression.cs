namespace QualityVoice.Analysis.Local;

/// <summary>
/// Binary logistic regression with L2 regularisation and class weights, fitted with L-BFGS:
/// minimises Σ cᵢ·log(1 + e^(−yᵢ(w·xᵢ + b))) + ‖w‖² / (2C).
/// </summary>
internal static class LogisticRegression
{
    /// <summary>Fits weights (one per feature) and a bias.</summary>
    /// <param name="x">The training documents.</param>
    /// <param name="positive">Whether each document has the label.</param>
    /// <param name="c">The inverse regularisation strength (larger fits the data more closely).</param>
    /// <param name="balanced">Weigh the classes so that each counts as much in total.</param>
    public static (float[] Weights, float Bias) Fit(SparseMatrix x, bool[] positive, double c, bool balanced)
    {
        var n = x.Rows;
        var positives = positive.Count(p => p);
        var positiveWeight = balanced && positives > 0 ? n / (2.0 * positives) : 1.0;
        var negativeWeight = balanced && positives < n ? n / (2.0 * (n - positives)) : 1.0;
        var features = x.Columns;
        var lambda = 1.0 / c;

        double Loss(ReadOnlySpan<double> w, Span<double> gradient)
        {
            gradient.Clear();
            var bias = w[features];
            var loss = 0.0;
            for (var i = 0; i < n; i++)
            {
                var z = x.Dot(i, w) + bias;
                var weight = positive[i] ? positiveWeight : negativeWeight;
                var margin = positive[i] ? z : -z;
                loss += weight * Softplus(-margin);
                var residual = weight * (Sigmoid(z) - (positive[i] ? 1.0 : 0.0));
                x.AddRow(i, residual, gradient);
                gradient[features] += residual;
            }

            for (var j = 0; j < features; j++)
            {
                loss += 0.5 * lambda * w[j] * w[j];
                gradient[j] += lambda * w[j];
            }

            return loss;
        }

        var solution = Lbfgs.Minimize(features + 1, Loss);
        return (solution[..features].Select(value => (float)value).ToArray(), (float)solution[features]);
    }

    /// <summary>The logistic function.</summary>
    public static double Sigmoid(double z) => z >= 0 ? 1.0 / (1.0 + Math.Exp(-z)) : Math.Exp(z) / (1.0 + Math.Exp(z));

    private static double Softplus(double z) => z > 30 ? z : z < -30 ? Math.Exp(z) : Math.Log(1.0 + Math.Exp(z));
}
