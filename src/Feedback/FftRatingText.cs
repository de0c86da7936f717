namespace QualityVoice.Feedback;

/// <summary>How the Friends and Family Test answers read, word for word.</summary>
public static class FftRatingText
{
    /// <summary>The answer's words, such as "Neither good nor poor".</summary>
    public static string Of(FftRating rating) => rating switch
    {
        FftRating.VeryGood => "Very good",
        FftRating.Good => "Good",
        FftRating.Neither => "Neither good nor poor",
        FftRating.Poor => "Poor",
        FftRating.VeryPoor => "Very poor",
        _ => "Don't know",
    };
}
