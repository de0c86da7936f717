using QualityVoice.Analysis.Local;

namespace QualityVoice.Analysis.Training;

/// <summary>
/// The cut-offs on each sub-category's probability, chosen on out-of-fold predictions (<see cref="ModelTrainer"/>).
/// </summary>
internal static class ThemeThresholds
{
    /// <summary>
    /// Each sub-category's threshold: the one best for its own F1, moved <paramref name="togetherShare"/> of the way
    /// toward the one best for all sub-categories together (micro-F1, <see cref="TogetherBest"/>). The first
    /// serves the rare sub-categories, the second the count of right decisions overall; docs/model-card.md measures both.
    /// </summary>
    public static float[] Choose(double[][] probabilities, IReadOnlyList<TrainingComment> comments, int labelCount, int[] rows, double togetherShare)
    {
        var own = new float[labelCount];
        for (var l = 0; l < labelCount; l++)
        {
            // A sub-category nobody labelled cannot be learned: it is never predicted (a cut-off on its constant score
            // would predict it for every comment or none, by chance).
            own[l] = rows.Any(i => comments[i].Labels[l])
                ? (float)Candidates.MaxBy(t => (Count(probabilities, comments, rows, l, t).F1, -t))
                : ThemeClassifier.Never;
        }

        if (togetherShare <= 0)
        {
            return own;
        }

        var together = TogetherBest(probabilities, comments, rows, own);
        return [.. own.Select((t, l) => t >= ThemeClassifier.Never ? t : (float)((1 - togetherShare) * t + togetherShare * together[l]))];
    }

    /// <summary>
    /// Thresholds that make the most right decisions over all sub-categories together: starting from
    /// <paramref name="start"/>, each sub-category's in turn is set to the one that most raises micro-F1 given the
    /// others', twice round.
    /// </summary>
    public static float[] TogetherBest(double[][] probabilities, IReadOnlyList<TrainingComment> comments, int[] rows, float[] start)
    {
        var thresholds = (float[])start.Clone();
        var counts = thresholds.Select((t, l) => Count(probabilities, comments, rows, l, t)).ToArray();
        var total = counts.Aggregate((a, b) => a + b);
        for (var round = 0; round < 2; round++)
        {
            for (var l = 0; l < thresholds.Length; l++)
            {
                if (thresholds[l] >= ThemeClassifier.Never)
                {
                    continue;
                }

                var others = total - counts[l];
                foreach (var t in Candidates)
                {
                    var count = Count(probabilities, comments, rows, l, t);
                    if ((others + count).F1 > (others + counts[l]).F1 + 1e-9)
                    {
                        (thresholds[l], counts[l]) = ((float)t, count);
                    }
                }

                total = others + counts[l];
            }
        }

        return thresholds;
    }

    /// <summary>The thresholds tried: 0.05 to 0.95 in hundredths.</summary>
    private static readonly double[] Candidates = [.. Enumerable.Range(5, 91).Select(step => step / 100.0)];

    /// <summary>How a sub-category's decisions at <paramref name="threshold"/> come out on <paramref name="rows"/>.</summary>
    public static F1Scores Count(double[][] probabilities, IReadOnlyList<TrainingComment> comments, int[] rows, int label, double threshold) =>
        F1Scores.Count(rows.Length, r => comments[rows[r]].Labels[label], r => probabilities[rows[r]][label] >= threshold);
}
