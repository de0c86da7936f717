namespace QualityVoice.Analysis;

/// <summary>
/// Analyses comments: themes, sentiment, personal information and urgency. The local analyzer is the default;
/// Azure AI Language is used when configured. Both run the same local PII and urgency rules, and themes always
/// come from the local model.
/// </summary>
public interface ITextAnalyzer
{
    /// <summary>Its name, stored with every result, such as "local" or "azure-language".</summary>
    string Name { get; }

    /// <summary>The version of the model behind it, stored with every result.</summary>
    string ModelVersion { get; }

    /// <summary>Analyses texts, returning one result per text in the same order.</summary>
    Task<IReadOnlyList<TextAnalysis>> AnalyzeAsync(IReadOnlyList<TextToAnalyse> texts, CancellationToken cancellationToken);
}
