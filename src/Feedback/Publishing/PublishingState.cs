using System.Text.Json.Serialization;

namespace QualityVoice.Feedback.Publishing;

/// <summary>Where an update's latest version is in the workflow Draft → Ready for review → Published.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PublishingState>))]
public enum PublishingState
{
    /// <summary>Being written; only staff see it.</summary>
    Draft,

    /// <summary>Waiting for a second person to approve it.</summary>
    [JsonStringEnumMemberName("ready-for-review")]
    ReadyForReview,

    /// <summary>Approved, and going live at a set time.</summary>
    Scheduled,

    /// <summary>Live on the portal.</summary>
    Published,

    /// <summary>Taken down, with a reason.</summary>
    Unpublished,
}

/// <summary>The states in the back office's words.</summary>
public static class PublishingStateText
{
    /// <summary>The words on the page.</summary>
    public static string Of(PublishingState state) => state switch
    {
        PublishingState.Draft => "Draft",
        PublishingState.ReadyForReview => "Ready for review",
        PublishingState.Scheduled => "Scheduled",
        PublishingState.Published => "Published",
        _ => "Unpublished",
    };
}
