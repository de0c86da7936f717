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

    /// <summary>
    /// Reads an answer as providers' files write it: 1 (very good) to 6 (don't know), the answer's words, the API's
    /// names ("very-good"), or the wording of the test before April 2020 ("Extremely likely" … "Extremely unlikely").
    /// Case, spaces, hyphens and curly apostrophes do not matter.
    /// </summary>
    public static bool TryParse(string? text, out FftRating rating)
    {
        var words = string.Join(' ', (text ?? string.Empty).ToLowerInvariant().Replace('\u2019', '\'')
            .Split([' ', '-', '_', '\t'], StringSplitOptions.RemoveEmptyEntries));
        FftRating? found = words switch
        {
            "1" or "very good" or "extremely likely" => FftRating.VeryGood,
            "2" or "good" or "likely" => FftRating.Good,
            "3" or "neither" or "neither good nor poor" or "neither likely nor unlikely" => FftRating.Neither,
            "4" or "poor" or "unlikely" => FftRating.Poor,
            "5" or "very poor" or "extremely unlikely" => FftRating.VeryPoor,
            "6" or "dont know" or "don't know" or "do not know" => FftRating.DontKnow,
            _ => null,
        };
        rating = found ?? default;
        return found is not null;
    }
}
