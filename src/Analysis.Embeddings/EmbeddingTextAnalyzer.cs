using QualityVoice.Analysis.Local;
using QualityVoice.Analysis.Pii;
using QualityVoice.Analysis.Urgency;

namespace QualityVoice.Analysis.Embeddings;

/// <summary>
/// The default analyzer: each comment's sentence embedding (all-MiniLM-L6-v2) is computed once and read by both the
/// theme and sentiment model (TF-IDF terms and the embedding, linear heads) and the urgency model (the lexicon as a floor,
/// classifiers over the embedding, the nearest curated examples as evidence), and each clause's embedding, read from the same pass, for the feeling
/// about each theme. PII redaction is the same rules as
/// everywhere. docs/model-card.md and docs/clinical-safety.md describe both models and how they were measured.
/// </summary>
public sealed class EmbeddingTextAnalyzer : ITextAnalyzer
{
    private readonly ISentenceEmbedder _embedder;
    private readonly LocalModel _themes;
    private readonly UrgencyModel _urgency;

    /// <summary>Analyses with <paramref name="embedder"/>'s embeddings, the theme model and the urgency model.</summary>
    public EmbeddingTextAnalyzer(ISentenceEmbedder embedder, LocalModel themes, UrgencyModel urgency)
    {
        if (themes.Embedding is not { } block || block.Model != embedder.ModelName || urgency.EmbeddingModel != embedder.ModelName)
        {
            throw new ArgumentException($"The theme and urgency models must both read {embedder.ModelName} embeddings.", nameof(themes));
        }

        (_embedder, _themes, _urgency) = (embedder, themes, urgency);
    }

    /// <inheritdoc />
    public string Name => "embedding";

    /// <inheritdoc />
    public string ModelVersion => $"{_themes.Version}+{_urgency.Version}";

    /// <inheritdoc />
    public Task<IReadOnlyList<TextAnalysis>> AnalyzeAsync(IReadOnlyList<TextToAnalyse> texts, CancellationToken cancellationToken)
    {
        var clauses = texts.Select(text => Clauses.Contents(text.Text)).ToArray();
        var embeddings = _embedder.EmbedWithParts(texts.Select(text => text.Text).ToArray(), clauses, cancellationToken);
        var results = new TextAnalysis[texts.Count];
        Parallel.For(
            0,
            texts.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            i => results[i] = Analyze(texts[i], clauses[i], embeddings[i]));
        return Task.FromResult<IReadOnlyList<TextAnalysis>>(results);
    }

    private TextAnalysis Analyze(TextToAnalyse input, IReadOnlyList<Range> clauses, TextEmbedding embedding)
    {
        var prediction = _themes.Predict(input, embedding.Whole);
        var (redacted, pii) = PiiRedactor.Redact(input.Text);
        var urgency = _urgency.Assess(input.Text, embedding.Whole);
        var feelings = _themes.SentimentByTheme(input, prediction, clauses, embedding.Parts);
        return new TextAnalysis(
            Sentiments.WithThemes(prediction.Sentiment, feelings),
            prediction.Score,
            prediction.Themes,
            redacted,
            pii,
            urgency.Urgent,
            urgency.Reasons,
            UrgencySignals: urgency.Signals,
            NeedsReview: prediction.NeedsReview,
            ThemeSentiments: feelings);
    }
}
