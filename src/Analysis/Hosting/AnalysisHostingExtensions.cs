using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QualityVoice.Analysis.Azure;
using QualityVoice.Analysis.Local;

namespace QualityVoice.Analysis.Hosting;

/// <summary>Registers the configured text analyzer.</summary>
public static class AnalysisHostingExtensions
{
    /// <summary>
    /// Adds the fast local model (loaded once) and, when <c>Analysis:Provider</c> names one of them, the fast local
    /// analyzer (<c>Local</c>) or Azure AI Language (<c>AzureLanguage</c>), with its options validated at start-up.
    /// The default, <c>Embedding</c>, is added by <c>AddEmbeddingTextAnalysis</c> (QualityVoice.Analysis.Embeddings),
    /// which hosts that analyse call instead of this.
    /// </summary>
    public static IHostApplicationBuilder AddTextAnalysis(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services =>
        {
            var path = services.GetRequiredService<IOptions<AnalysisOptions>>().Value.ModelPath;
            if (path is not { Length: > 0 })
            {
                return LocalModel.Shipped;
            }

            using var file = File.OpenRead(path);
            return LocalModel.Load(file);
        });
        builder.Services.AddSingleton<LocalTextAnalyzer>();

        // Embedding (the default) is registered by AddEmbeddingTextAnalysis, in the assembly that carries ONNX Runtime.
        var provider = builder.Configuration.GetSection(AnalysisOptions.Section).Get<AnalysisOptions>()?.Provider ?? "Embedding";
        if (provider == "AzureLanguage")
        {
            builder.Services.AddOptions<AzureLanguageOptions>()
                .BindConfiguration($"{AnalysisOptions.Section}:AzureLanguage")
                .ValidateDataAnnotations()
                .ValidateOnStart();
            builder.Services.AddHttpClient(nameof(AzureLanguageClient), http => http.Timeout = TimeSpan.FromSeconds(30));
            builder.Services.AddSingleton(services =>
            {
                var options = services.GetRequiredService<IOptions<AzureLanguageOptions>>().Value;
                return new AzureLanguageClient(
                    services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(AzureLanguageClient)),
                    options,
                    options.ApiKey is { Length: > 0 } ? null : new DefaultAzureCredential(),
                    services.GetRequiredService<TimeProvider>());
            });
            builder.Services.AddSingleton<ITextAnalyzer, AzureLanguageAnalyzer>();
        }
        else if (provider == "Local")
        {
            builder.Services.AddSingleton<ITextAnalyzer>(services => services.GetRequiredService<LocalTextAnalyzer>());
        }

        return builder;
    }
}
