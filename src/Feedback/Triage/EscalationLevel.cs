using System.Text.Json.Serialization;

namespace QualityVoice.Feedback.Triage;

/// <summary>
/// The levels of response the National Quality Board's guidance on quality risk names: routine quality
/// management, enhanced surveillance and support, and intensive support.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<EscalationLevel>))]
public enum EscalationLevel
{
    /// <summary>Routine: managed within the service's usual quality processes.</summary>
    [JsonStringEnumMemberName("routine")]
    Routine,

    /// <summary>Enhanced: closer surveillance and support from the ICB.</summary>
    [JsonStringEnumMemberName("enhanced")]
    Enhanced,

    /// <summary>Intensive: a system response, with partners and regulators as needed.</summary>
    [JsonStringEnumMemberName("intensive")]
    Intensive,
}
