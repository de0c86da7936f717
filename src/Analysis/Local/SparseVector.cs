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

    /// <summary>A dense block at indices 0 to its length, then this vector (whose indices must all come after it).</summary>
    public SparseVector Prepend(float[] dense)
    {
        var indices = new int[dense.Length + Count];
        var values = new float[dense.Length + Count];
        for (var d = 0; d < dense.Length; d++)
        {
            indices[d] = d;
            values[d] = dense[d];
        }

        Indices.CopyTo(indices, dense.Length);
        Values.CopyTo(values, dense.Length);
        return new SparseVector(indices, values);
    }

    /// <summary>This vector with another's entries appended after <paramref name="offset"/>.</summary>
    public SparseVector Append(SparseVector block, int offset)
    {
        var indices = new int[Count + block.Count];
        var values = new float[Count + block.Count];
        Indices.CopyTo(indices, 0);
        Values.CopyTo(values, 0);
        for (var b = 0; b < block.Count; b++)
        {
            indices[Count + b] = offset + block.Indices[b];
            values[Count + b] = block.Values[b];
        }

        return new SparseVector(indices, values);
    }

    /// <summary>
    /// This vector with a dense block appended after <paramref name="offset"/> (a sentence embedding after the TF-IDF
    /// terms), each value times <paramref name="weight"/>.
    /// </summary>
    public SparseVector Append(float[] dense, int offset, float weight)
    {
        var indices = new int[Count + dense.Length];
        var values = new float[Count + dense.Length];
        Indices.CopyTo(indices, 0);
        Values.CopyTo(values, 0);
        for (var d = 0; d < dense.Length; d++)
        {
            indices[Count + d] = offset + d;
            values[Count + d] = dense[d] * weight;
        }

        return new SparseVector(indices, values);
    }
}
