using System.Text.Json.Serialization;
using QualityVoice.Analysis;

namespace QualityVoice.Feedback;

/// <summary>
/// The answer to the NHS Friends and Family Test question
/// "Overall, how was your experience of our service?".
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<FftRating>))]
public enum FftRating
{
    /// <summary>Very good.</summary>
    [JsonStringEnumMemberName("very-good")]
    VeryGood,

    /// <summary>Good.</summary>
    [JsonStringEnumMemberName("good")]
    Good,

    /// <summary>Neither good nor poor.</summary>
    [JsonStringEnumMemberName("neither")]
    Neither,

    /// <summary>Poor.</summary>
    [JsonStringEnumMemberName("poor")]
    Poor,

    /// <summary>Very poor.</summary>
    [JsonStringEnumMemberName("very-poor")]
    VeryPoor,

    /// <summary>Don't know.</summary>
    [JsonStringEnumMemberName("dont-know")]
    DontKnow,
}

/// <summary>The FFT answer as the analysis reads it beside a comment.</summary>
public static class FftRatingAnalysis
{
    /// <summary>The analysis's <see cref="FftAnswer"/> for <paramref name="rating"/>.</summary>
    public static FftAnswer ForAnalysis(this FftRating rating) => rating switch
    {
        FftRating.VeryGood => FftAnswer.VeryGood,
        FftRating.Good => FftAnswer.Good,
        FftRating.Neither => FftAnswer.Neither,
        FftRating.Poor => FftAnswer.Poor,
        FftRating.VeryPoor => FftAnswer.VeryPoor,
        FftRating.DontKnow => FftAnswer.DontKnow,
        _ => FftAnswer.Unknown,
    };
}
