using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QualityVoice.Analysis.Hosting;

namespace QualityVoice.Analysis.Embeddings.Hosting;

/// <summary>Registers the analyzer <c>Analysis:Provider</c> names, the sentence-embedding one being the default.</summary>
public static class EmbeddingAnalysisExtensions
{
    /// <summary>
    /// Adds the text analysis every analysing host needs (<c>AddTextAnalysis</c>) and, when <c>Analysis:Provider</c>
    /// is <c>Embedding</c> (the default), the embedding analyzer. Its model is loaded when the first comment is
    /// analysed, once per process, however many hosts the process runs (tests run many).
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddingTextAnalysis(this IHostApplicationBuilder builder)
    {
        builder.AddTextAnalysis();
        var options = builder.Configuration.GetSection(AnalysisOptions.Section).Get<AnalysisOptions>() ?? new AnalysisOptions();
        if (options.Provider == "Embedding")
        {
            builder.Services.AddSingleton<ITextAnalyzer>(_ =>
                new EmbeddingTextAnalyzer(SentenceEncoder.OnFirstUse(options.EmbeddingThreads), EmbeddingModels.Themes, EmbeddingModels.Urgency));
        }

        return builder;
    }
}
