using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Tests.Insight;

public sealed class FftScoreTests
{
    [Fact]
    public void Percentages_count_dont_know_in_the_total_as_NHS_England_publishes_them()
    {
        var score = FftScore.Of(
        [
            (FftRating.VeryGood, 50), (FftRating.Good, 20), (FftRating.Neither, 10),
            (FftRating.Poor, 8), (FftRating.VeryPoor, 2), (FftRating.DontKnow, 10),
        ]);

        Assert.Equal(100, score.Responses);
        Assert.Equal(70.0, score.PercentPositive);
        Assert.Equal(10.0, score.PercentNegative);
    }

    [Fact]
    public void With_no_responses_there_is_no_percentage_rather_than_zero()
    {
        var score = FftScore.Of([]);

        Assert.Null(score.PercentPositive);
        Assert.Null(score.PercentNegative);
    }
}
