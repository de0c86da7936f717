using System.Text.Json.Serialization;

namespace QualityVoice.Analysis;

/// <summary>The overall feeling of a comment.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Sentiment>))]
public enum Sentiment
{
    /// <summary>Positive.</summary>
    [JsonStringEnumMemberName("positive")]
    Positive,

    /// <summary>Neither positive nor negative.</summary>
    [JsonStringEnumMemberName("neutral")]
    Neutral,

    /// <summary>Negative.</summary>
    [JsonStringEnumMemberName("negative")]
    Negative,

    /// <summary>Both positive and negative.</summary>
    [JsonStringEnumMemberName("mixed")]
    Mixed,
}
