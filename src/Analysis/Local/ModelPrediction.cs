namespace QualityVoice.Analysis.Local;

/// <summary>What the theme and sentiment model predicts for one comment.</summary>
/// <param name="Themes">The sub-categories that apply, each with its calibrated confidence, most confident first.</param>
/// <param name="Sentiment">The comment's feeling.</param>
/// <param name="Score">From −1 (negative) to 1 (positive).</param>
/// <param name="SentimentConfidence">The calibrated probability that the sentiment is right.</param>
/// <param name="NeedsReview">Whether the best theme's or the sentiment's calibrated confidence is below the model's review threshold.</param>
public sealed record ModelPrediction(IReadOnlyList<ThemePrediction> Themes, Sentiment Sentiment, double Score, double SentimentConfidence, bool NeedsReview);
