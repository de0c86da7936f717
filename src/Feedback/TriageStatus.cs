using System.Text.Json.Serialization;

namespace QualityVoice.Feedback;

/// <summary>Where a feedback item is in the quality team's workflow.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TriageStatus>))]
public enum TriageStatus
{
    /// <summary>Arrived; nobody has looked at it yet.</summary>
    [JsonStringEnumMemberName("new")]
    New,

    /// <summary>Read and sorted: themes checked, owner assigned.</summary>
    [JsonStringEnumMemberName("triaged")]
    Triaged,

    /// <summary>Someone is acting on it.</summary>
    [JsonStringEnumMemberName("in-progress")]
    InProgress,

    /// <summary>A reply has been published to the person who gave it.</summary>
    [JsonStringEnumMemberName("responded")]
    Responded,

    /// <summary>Finished, with a closure reason.</summary>
    [JsonStringEnumMemberName("closed")]
    Closed,
}
