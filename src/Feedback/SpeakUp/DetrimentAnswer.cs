using System.Text.Json.Serialization;

namespace QualityVoice.Feedback.SpeakUp;

/// <summary>Whether the person has experienced detriment for speaking up, as the National Guardian's Office records it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DetrimentAnswer>))]
public enum DetrimentAnswer
{
    /// <summary>Yes.</summary>
    [JsonStringEnumMemberName("yes")]
    Yes,

    /// <summary>No.</summary>
    [JsonStringEnumMemberName("no")]
    No,

    /// <summary>Not sure, or would rather not say.</summary>
    [JsonStringEnumMemberName("not-sure")]
    NotSure,
}
