using System.Text.Json.Serialization;

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
