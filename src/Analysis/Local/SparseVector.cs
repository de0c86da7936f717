namespace QualityVoice.Analysis.Local;

/// <summary>A document's features: the vocabulary indices that occur, ascending, with their weights.</summary>
/// <param name="Indices">Feature indices, ascending.</param>
/// <param name="Values">Their weights.</param>
internal readonly record struct SparseVector(int[] Indices, float[] Values)
{
    /// <summary>No features at all.</summary>
    public static SparseVector Empty { get; } = new([], []);

    /// <summary>How many features occur.</summary>
    public int Count => Indices.Length;
}
