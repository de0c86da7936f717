namespace QualityVoice.Analysis.Local;

/// <summary>A model's calibration: of its theme probabilities, of its sentiment's, and the confidence below which a person should look.</summary>
/// <param name="Themes">Raw theme probability to how often the theme is right.</param>
/// <param name="Sentiment">Raw probability of the sentiment given to how often it is right.</param>
/// <param name="ReviewBelow">An item whose best theme or whose sentiment is less sure than this needs a human look.</param>
public sealed record ModelCalibration(Calibration Themes, Calibration Sentiment, float ReviewBelow)
{
    /// <summary>Raw probabilities kept, and nothing marked for review (older model files).</summary>
    public static ModelCalibration None { get; } = new(Calibration.Identity, Calibration.Identity, 0f);
}
