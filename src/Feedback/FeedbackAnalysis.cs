using QualityVoice.Analysis;

namespace QualityVoice.Feedback;

/// <summary>What analysis found in a feedback item, over both of its answers.</summary>
/// <param name="Sentiment">The item's overall feeling.</param>
/// <param name="SentimentScore">From −1 to 1.</param>
/// <param name="Themes">The framework sub-categories that apply, with confidence.</param>
/// <param name="StrategicThemes">The strategy's strategic themes those serve (the pack's slugs).</param>
/// <param name="CqcQuestions">The CQC key questions those bear on.</param>
/// <param name="RedactedWhatWasGood">"What was good?" with personal information replaced.</param>
/// <param name="RedactedWhatCouldImprove">"What could we do better?" with personal information replaced.</param>
/// <param name="Pii">Where personal information was found: types and offsets only, never the values.</param>
/// <param name="Urgent">Whether a person must read it today.</param>
/// <param name="UrgentReasons">Why.</param>
/// <param name="Analyzer">Which analyzer produced it.</param>
/// <param name="ModelVersion">The model's version.</param>
/// <param name="AnalysedAt">When.</param>
/// <param name="UrgencySignals">The evidence for each urgency reason: a phrase matched, the nearest urgent example, the classifier.</param>
/// <param name="NeedsReview">Whether the model was too unsure of its themes or sentiment to trust without a person's look.</param>
/// <param name="ThemeSentiments">The feeling about each theme, read from the clauses that carry it, over both answers.</param>
public sealed record FeedbackAnalysis(
    Sentiment Sentiment,
    double SentimentScore,
    IReadOnlyList<ThemePrediction> Themes,
    IReadOnlyList<string> StrategicThemes,
    IReadOnlyList<string> CqcQuestions,
    string? RedactedWhatWasGood,
    string? RedactedWhatCouldImprove,
    IReadOnlyList<FieldPii> Pii,
    bool Urgent,
    IReadOnlyList<string> UrgentReasons,
    string Analyzer,
    string ModelVersion,
    DateTimeOffset AnalysedAt,
    IReadOnlyList<Analysis.Urgency.UrgencySignal>? UrgencySignals = null,
    bool NeedsReview = false,
    IReadOnlyList<ThemeSentiment>? ThemeSentiments = null)
{
    /// <summary>The feeling about <paramref name="theme"/>: as read from its clauses, or else the item's.</summary>
    public Sentiment SentimentAbout(string theme) =>
        ThemeSentiments?.FirstOrDefault(feeling => feeling.Theme == theme)?.Sentiment ?? Sentiment;
}
