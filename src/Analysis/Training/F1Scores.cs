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
    public static F1Scores Count(IReadOnlyList<bool> actual, IReadOnlyList<bool> predicted)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            if (predicted[i] && actual[i])
            {
                tp++;
            }
            else if (predicted[i])
            {
                fp++;
            }
            else if (actual[i])
            {
                fn++;
            }
        }

        return new F1Scores(tp, fp, fn);
    }
}
