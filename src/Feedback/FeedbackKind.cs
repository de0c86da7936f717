using System.Text.Json.Serialization;

namespace QualityVoice.Feedback;

/// <summary>Who is giving the feedback, as the feedback form asks it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackKind>))]
public enum FeedbackKind
{
    /// <summary>The person who received the care.</summary>
    [JsonStringEnumMemberName("patient")]
    Patient,

    /// <summary>A carer, relative or friend of the person who received the care.</summary>
    [JsonStringEnumMemberName("carer")]
    Carer,

    /// <summary>Anyone else, for example a visitor.</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
