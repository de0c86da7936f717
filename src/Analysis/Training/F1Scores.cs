namespace QualityVoice.Analysis.Training;

/// <summary>Precision, recall and F1 of one label, or over many.</summary>
/// <param name="TruePositives">Predicted and right.</param>
/// <param name="FalsePositives">Predicted and wrong.</param>
/// <param name="FalseNegatives">Missed.</param>
public readonly record struct F1Scores(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>Of those predicted, the share right.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : TruePositives / (double)(TruePositives + FalsePositives);

    /// <summary>Of those there, the share found.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : TruePositives / (double)(TruePositives + FalseNegatives);

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => 2 * TruePositives + FalsePositives + FalseNegatives == 0 ? 0 : 2.0 * TruePositives / (2 * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>Adds two counts together (for micro-averaging).</summary>
    public static F1Scores operator +(F1Scores a, F1Scores b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    /// <summary>Takes one count from another (a label's from the total over many).</summary>
    public static F1Scores operator -(F1Scores a, F1Scores b) =>
        new(a.TruePositives - b.TruePositives, a.FalsePositives - b.FalsePositives, a.FalseNegatives - b.FalseNegatives);

    /// <summary>Counts a label's outcomes.</summary>
    public static F1Scores Count(IReadOnlyList<bool> actual, IReadOnlyList<bool> predicted) =>
        Count(actual.Count, i => actual[i], i => predicted[i]);

    /// <summary>Counts a label's outcomes over <paramref name="count"/> decisions, each read when it is counted.</summary>
    public static F1Scores Count(int count, Func<int, bool> actual, Func<int, bool> predicted)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < count; i++)
        {
            var (isActual, isPredicted) = (actual(i), predicted(i));
            if (isPredicted && isActual)
            {
                tp++;
            }
            else if (isPredicted)
            {
                fp++;
            }
            else if (isActual)
            {
                fn++;
            }
        }

        return new F1Scores(tp, fp, fn);
    }
}
