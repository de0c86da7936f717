using System.Text.Json.Serialization;

namespace QualityVoice.Feedback.SpeakUp;

/// <summary>
/// What a concern is about, in the categories the National Guardian's Office asks guardians to record
/// (a case may have several elements), and "something else".
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SpeakUpCategory>))]
public enum SpeakUpCategory
{
    /// <summary>An element of patient safety or quality.</summary>
    [JsonStringEnumMemberName("patient-safety-or-quality")]
    PatientSafetyOrQuality,

    /// <summary>An element of worker safety or wellbeing.</summary>
    [JsonStringEnumMemberName("worker-safety-or-wellbeing")]
    WorkerSafetyOrWellbeing,

    /// <summary>An element of bullying or harassment.</summary>
    [JsonStringEnumMemberName("bullying-or-harassment")]
    BullyingOrHarassment,

    /// <summary>An element of inappropriate attitudes or behaviours.</summary>
    [JsonStringEnumMemberName("inappropriate-attitudes-or-behaviours")]
    InappropriateAttitudesOrBehaviours,

    /// <summary>Something else.</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
