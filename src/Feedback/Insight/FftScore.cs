namespace QualityVoice.Feedback.Insight;

/// <summary>
/// The Friends and Family Test's headline figures as NHS England publishes them: the percentage of all responses
/// (don't know included) that were very good or good, and that were poor or very poor.
/// </summary>
/// <param name="Responses">All responses.</param>
/// <param name="Positive">Very good and good.</param>
/// <param name="Negative">Poor and very poor.</param>
public readonly record struct FftScore(int Responses, int Positive, int Negative)
{
    /// <summary>Percentage positive, or null with no responses.</summary>
    public double? PercentPositive => Responses == 0 ? null : 100.0 * Positive / Responses;

    /// <summary>Percentage negative, or null with no responses.</summary>
    public double? PercentNegative => Responses == 0 ? null : 100.0 * Negative / Responses;

    /// <summary>Scores a set of answers with their counts.</summary>
    public static FftScore Of(IEnumerable<(FftRating Rating, int Count)> answers)
    {
        int responses = 0, positive = 0, negative = 0;
        foreach (var (rating, count) in answers)
        {
            responses += count;
            positive += rating is FftRating.VeryGood or FftRating.Good ? count : 0;
            negative += rating is FftRating.Poor or FftRating.VeryPoor ? count : 0;
        }

        return new FftScore(responses, positive, negative);
    }
}
