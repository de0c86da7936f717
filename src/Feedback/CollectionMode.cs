using System.Text.Json.Serialization;

namespace QualityVoice.Feedback;

/// <summary>
/// How a response was collected, in the modes NHS England's monthly Friends and Family Test return counts.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CollectionMode>))]
public enum CollectionMode
{
    /// <summary>The portal's own web form ("Smartphone app/online").</summary>
    [JsonStringEnumMemberName("online")]
    Online,

    /// <summary>Text message survey, received through the API.</summary>
    [JsonStringEnumMemberName("sms")]
    Sms,

    /// <summary>Paper or postcard, keyed in and received through the API.</summary>
    [JsonStringEnumMemberName("paper")]
    Paper,

    /// <summary>Telephone survey, received through the API.</summary>
    [JsonStringEnumMemberName("telephone")]
    Telephone,

    /// <summary>Tablet or kiosk on site, received through the API.</summary>
    [JsonStringEnumMemberName("tablet")]
    Tablet,

    /// <summary>Any other mode.</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
