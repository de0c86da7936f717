namespace QualityVoice.Analysis;

/// <summary>
/// Turns texts into sentence embeddings (unit vectors whose directions carry meaning). The analyzer's library does
/// not run a neural model itself: the one that does (QualityVoice.Analysis.Embeddings) is given to what needs it.
/// </summary>
public interface ISentenceEmbedder
{
    /// <summary>The model's name, recorded with every model trained on its embeddings.</summary>
    string ModelName { get; }

    /// <summary>The embeddings' length.</summary>
    int Dimensions { get; }

    /// <summary>The embeddings of <paramref name="texts"/>, in order.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);

    /// <summary>
    /// The embeddings of <paramref name="texts"/> and of the parts of each (character ranges in order, starting and ending
    /// between words, as <see cref="Clauses.Contents"/> gives them), from one reading of each text: a part's embedding is read from the
    /// text's words inside it, understood in the context of the whole.
    /// </summary>
    TextEmbedding[] EmbedWithParts(IReadOnlyList<string> texts, IReadOnlyList<IReadOnlyList<Range>> parts, CancellationToken cancellationToken = default);
}

/// <summary>The sentence embedding of a text, and of each of its parts (in the order asked for).</summary>
/// <param name="Whole">The whole text's.</param>
/// <param name="Parts">Each part's; a part beyond what the model reads has the whole's.</param>
public sealed record TextEmbedding(float[] Whole, IReadOnlyList<float[]> Parts);
