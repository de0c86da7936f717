using QualityVoice.Analysis;

namespace QualityVoice.Feedback.Outbox;

/// <summary>Puts the analyses of an item's two answers together into the item's analysis.</summary>
public static class AnalysisComposer
{
    /// <summary>Composes an item's analysis from those of its answers (either may be missing).</summary>
    public static FeedbackAnalysis Compose(
        PendingAnalysis item,
        TextAnalysis? good,
        TextAnalysis? improve,
        ThemeTaxonomy taxonomy,
        string analyzer,
        string modelVersion,
        DateTimeOffset analysedAt)
    {
        TextAnalysis[] parts = [.. new[] { good, improve }.OfType<TextAnalysis>()];
        var themes = parts
            .SelectMany(part => part.Themes)
            .GroupBy(theme => theme.Name, StringComparer.Ordinal)
            .Select(group => new ThemePrediction(group.Key, group.Max(theme => theme.Confidence)))
            .OrderByDescending(theme => theme.Confidence)
            .ThenBy(theme => theme.Name, StringComparer.Ordinal)
            .ToArray();
        var (sentiment, score) = parts.Length == 0 ? FromRating(item.FftRating) : Combine(item, good, improve);
        var pii = (good?.Pii ?? []).Select(span => new FieldPii("whatWasGood", span.Type, span.Start, span.Length))
            .Concat((improve?.Pii ?? []).Select(span => new FieldPii("whatCouldImprove", span.Type, span.Start, span.Length)))
            .ToArray();
        var names = themes.Select(theme => theme.Name).ToArray();
        return new FeedbackAnalysis(
            sentiment,
            Math.Round(score, 3),
            themes,
            taxonomy.StrategicThemesOf(names),
            taxonomy.CqcQuestionsOf(names),
            good?.RedactedText,
            improve?.RedactedText,
            pii,
            parts.Any(part => part.Urgent),
            parts.SelectMany(part => part.UrgentReasons).Distinct(StringComparer.Ordinal).ToArray(),
            analyzer,
            modelVersion,
            analysedAt,
            parts.SelectMany(part => part.UrgencySignals ?? []).Distinct().ToArray(),
            parts.Any(part => part.NeedsReview),
            ThemeSentiments(parts, themes));
    }

    // Both answers: positive in one and negative in the other is mixed; otherwise the stronger feeling wins.
    private static (Sentiment, double) Combine(PendingAnalysis item, TextAnalysis? good, TextAnalysis? improve)
    {
        var parts = new[] { (good, item.WhatWasGood), (improve, item.WhatCouldImprove) }
            .Where(part => part.Item1 is not null)
            .Select(part => (Analysis: part.Item1!, Weight: Math.Max(1, part.Item2?.Length ?? 1)))
            .ToArray();
        var score = parts.Sum(part => part.Analysis.SentimentScore * part.Weight) / parts.Sum(part => part.Weight);
        return (Sentiments.Together(parts.Select(part => part.Analysis.Sentiment)), score);
    }

    // A theme found in both answers feels as both do together ("good" about staff in one, "bad" in the other is mixed).
    private static ThemeSentiment[] ThemeSentiments(TextAnalysis[] parts, ThemePrediction[] themes) =>
        [.. themes.Select(theme => new ThemeSentiment(
            theme.Name,
            Sentiments.Together(parts
                .Where(part => part.Themes.Any(found => found.Name == theme.Name))
                .Select(part => part.SentimentAbout(theme.Name)))))];

    // No words at all: the FFT answer is the only feeling there is.
    private static (Sentiment, double) FromRating(FftRating rating) => rating switch
    {
        FftRating.VeryGood => (Sentiment.Positive, 0.8),
        FftRating.Good => (Sentiment.Positive, 0.5),
        FftRating.Poor => (Sentiment.Negative, -0.5),
        FftRating.VeryPoor => (Sentiment.Negative, -0.8),
        _ => (Sentiment.Neutral, 0),
    };
}
