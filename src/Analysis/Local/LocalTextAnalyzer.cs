using QualityVoice.Analysis.Pii;
using QualityVoice.Analysis.Urgency;

namespace QualityVoice.Analysis.Local;

/// <summary>
/// The default analyzer: in-process, no network. Themes and sentiment from the trained local model; personal
/// information and urgency from the rule sets.
/// </summary>
public sealed class LocalTextAnalyzer(LocalModel model) : ITextAnalyzer
{
    /// <inheritdoc />
    public string Name => "local";

    /// <inheritdoc />
    public string ModelVersion => model.Version;

    /// <inheritdoc />
    public Task<IReadOnlyList<TextAnalysis>> AnalyzeAsync(IReadOnlyList<TextToAnalyse> texts, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TextAnalysis>>(texts.Select(Analyze).ToArray());

    /// <summary>Analyses one comment.</summary>
    public TextAnalysis Analyze(TextToAnalyse input)
    {
        var prediction = model.Predict(input);
        var feelings = model.SentimentByTheme(input, prediction, Clauses.Contents(input.Text));
        var (redacted, pii) = PiiRedactor.Redact(input.Text);
        var signals = UrgencyDetector.Find(input.Text);
        return new TextAnalysis(
            Sentiments.WithThemes(prediction.Sentiment, feelings),
            prediction.Score,
            prediction.Themes,
            redacted,
            pii,
            signals.Count > 0,
            signals.Select(signal => signal.Reason).ToArray(),
            UrgencySignals: signals,
            NeedsReview: prediction.NeedsReview,
            ThemeSentiments: feelings);
    }
}
