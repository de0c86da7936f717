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
            analysedAt);
    }

    // Both answers: positive in one and negative in the other is mixed; otherwise the stronger feeling wins.
    private static (Sentiment, double) Combine(PendingAnalysis item, TextAnalysis? good, TextAnalysis? improve)
    {
        var parts = new[] { (good, item.WhatWasGood), (improve, item.WhatCouldImprove) }
            .Where(part => part.Item1 is not null)
            .Select(part => (Analysis: part.Item1!, Weight: Math.Max(1, part.Item2?.Length ?? 1)))
            .ToArray();
        var score = parts.Sum(part => part.Analysis.SentimentScore * part.Weight) / parts.Sum(part => part.Weight);
        var feelings = parts.Select(part => part.Analysis.Sentiment).ToHashSet();
        var sentiment = feelings.Contains(Sentiment.Mixed) || (feelings.Contains(Sentiment.Positive) && feelings.Contains(Sentiment.Negative))
            ? Sentiment.Mixed
            : feelings.Contains(Sentiment.Negative) ? Sentiment.Negative
            : feelings.Contains(Sentiment.Positive) ? Sentiment.Positive
            : Sentiment.Neutral;
        return (sentiment, score);
    }

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
