using System.Text.Json.Serialization;

namespace QualityVoice.Feedback.SpeakUp;

/// <summary>How a member of staff chooses to speak up.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SpeakUpMode>))]
public enum SpeakUpMode
{
    /// <summary>Their name is shared with the people who need it to look into the concern.</summary>
    [JsonStringEnumMemberName("open")]
    Open,

    /// <summary>Only the Freedom to Speak Up guardian knows who they are.</summary>
    [JsonStringEnumMemberName("confidential")]
    Confidential,

    /// <summary>Nobody knows who they are: nothing identifying is kept anywhere.</summary>
    [JsonStringEnumMemberName("anonymous")]
    Anonymous,
}
