using System.ComponentModel.DataAnnotations;

namespace QualityVoice.Analysis.Hosting;

/// <summary>Which analyzer runs. Bound from the <c>Analysis</c> section.</summary>
public sealed class AnalysisOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Analysis";

    /// <summary>
    /// <c>Embedding</c> (the default: sentence embeddings, in-process, from QualityVoice.Analysis.Embeddings),
    /// <c>Local</c> (TF-IDF alone: fast, for bulk work) or <c>AzureLanguage</c>.
    /// </summary>
    [RegularExpression("^(Embedding|Local|AzureLanguage)$", ErrorMessage = "Analysis:Provider must be Embedding, Local or AzureLanguage.")]
    public string Provider { get; set; } = "Embedding";

    /// <summary>How many threads the sentence-embedding model runs each operation on; 0 for one per core.</summary>
    [Range(0, 64)]
    public int EmbeddingThreads { get; set; }

    /// <summary>A model file to use instead of the one shipped in the assembly.</summary>
    public string? ModelPath { get; set; }
}
