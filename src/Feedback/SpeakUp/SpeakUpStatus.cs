using System.Text.Json.Serialization;

namespace QualityVoice.Feedback.SpeakUp;

/// <summary>Where a speak-up case is with the guardian.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SpeakUpStatus>))]
public enum SpeakUpStatus
{
    /// <summary>Raised; the guardian has not yet opened it.</summary>
    [JsonStringEnumMemberName("received")]
    Received,

    /// <summary>The guardian is working on it.</summary>
    [JsonStringEnumMemberName("in-progress")]
    InProgress,

    /// <summary>Closed by the guardian, with feedback to the person who spoke up.</summary>
    [JsonStringEnumMemberName("closed")]
    Closed,
}
