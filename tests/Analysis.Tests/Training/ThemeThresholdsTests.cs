using QualityVoice.Analysis.Local;
using QualityVoice.Analysis.Training;

namespace QualityVoice.Analysis.Tests.Training;

public sealed class ThemeThresholdsTests
{
    // Twenty comments, three sub-categories. A: the first ten, scored 0.9 against 0.1 for the rest, so easy.
    // B: two comments, both scored 0.3, as are three that are not B; the rest 0. C: nobody's.
    private static readonly TrainingComment[] Comments =
        [.. Enumerable.Range(0, 20).Select(i => new TrainingComment($"comment {i}", [i < 10, i < 2, false], null, QuestionKind.Unknown))];

    private static readonly double[][] Probabilities =
        [.. Enumerable.Range(0, 20).Select(i => new[] { i < 10 ? 0.9 : 0.1, i is < 2 or (>= 10 and < 13) ? 0.3 : 0, 0.5 })];

    private static readonly int[] Everyone = [.. Enumerable.Range(0, 20)];

    [Fact]
    public void Each_threshold_alone_is_the_lowest_best_for_its_own_F1_and_a_sub_category_nobody_labelled_is_never_given()
    {
        var thresholds = ThemeThresholds.Choose(Probabilities, Comments, 3, Everyone, togetherShare: 0);

        // A: anything above 0.1 is perfect; B: taking all five at 0.3 (F1 0.57) beats taking none.
        Assert.Equal([0.11f, 0.05f, ThemeClassifier.Never], thresholds);
    }

    [Fact]
    public void Together_a_weak_sub_category_is_given_less_often_when_that_makes_more_right_decisions_overall()
    {
        var own = ThemeThresholds.Choose(Probabilities, Comments, 3, Everyone, togetherShare: 0);

        var together = ThemeThresholds.TogetherBest(Probabilities, Comments, Everyone, own);

        // Giving B at 0.3 adds 2 right and 3 wrong: micro-F1 24/27 = 0.889 with it, 20/22 = 0.909 without.
        Assert.Equal([0.11f, 0.31f, ThemeClassifier.Never], together);
        Assert.True(Micro(together) > Micro(own));
        Assert.Equal(0.18f, ThemeThresholds.Choose(Probabilities, Comments, 3, Everyone, togetherShare: 0.5)[1], 5);
    }

    private static double Micro(float[] thresholds) => Enumerable.Range(0, thresholds.Length)
        .Select(l => ThemeThresholds.Count(Probabilities, Comments, Everyone, l, thresholds[l]))
        .Aggregate((a, b) => a + b).F1;
}
