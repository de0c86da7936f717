namespace QualityVoice.Portal.Features.SpeakUp;

/// <summary>The speak-up form's pages, in order.</summary>
public enum SpeakUpStep
{
    /// <summary>Open, confidential or anonymous.</summary>
    How,

    /// <summary>Name and contact details (open and confidential only).</summary>
    AboutYou,

    /// <summary>Organisation and professional group.</summary>
    Where,

    /// <summary>What the concern is about.</summary>
    Categories,

    /// <summary>Whether they have experienced detriment for speaking up.</summary>
    Detriment,

    /// <summary>The concern in their words.</summary>
    Concern,

    /// <summary>Check your answers.</summary>
    Check,
}
