namespace QualityVoice.Analysis.Local;

/// <summary>Documents by features, in compressed sparse rows: the training set's shape.</summary>
internal sealed class SparseMatrix
{
    /// <summary>Builds the matrix from its rows.</summary>
    public SparseMatrix(IReadOnlyList<SparseVector> rows, int columns)
    {
        Columns = columns;
        RowStart = new int[rows.Count + 1];
        var total = rows.Sum(row => row.Count);
        ColumnIndex = new int[total];
        Value = new float[total];
        var at = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            RowStart[r] = at;
            rows[r].Indices.CopyTo(ColumnIndex, at);
            rows[r].Values.CopyTo(Value, at);
            at += rows[r].Count;
        }

        RowStart[rows.Count] = at;
    }

    /// <summary>Where each row starts in <see cref="ColumnIndex"/>; one more entry than rows.</summary>
    public int[] RowStart { get; }

    /// <summary>The column of each stored value.</summary>
    public int[] ColumnIndex { get; }

    /// <summary>The stored values.</summary>
    public float[] Value { get; }

    /// <summary>How many rows.</summary>
    public int Rows => RowStart.Length - 1;

    /// <summary>How many columns (features).</summary>
    public int Columns { get; }

    /// <summary>The dot product of a row with a weight vector.</summary>
    public double Dot(int row, ReadOnlySpan<double> weights)
    {
        var sum = 0.0;
        for (var k = RowStart[row]; k < RowStart[row + 1]; k++)
        {
            sum += Value[k] * weights[ColumnIndex[k]];
        }

        return sum;
    }

    /// <summary>Adds <paramref name="scale"/> times a row to a vector.</summary>
    public void AddRow(int row, double scale, Span<double> target)
    {
        for (var k = RowStart[row]; k < RowStart[row + 1]; k++)
        {
            target[ColumnIndex[k]] += scale * Value[k];
        }
    }

    /// <summary>The rows at the given positions, as a new matrix.</summary>
    public SparseMatrix Select(IReadOnlyList<int> rows)
    {
        var vectors = new SparseVector[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var start = RowStart[rows[i]];
            var length = RowStart[rows[i] + 1] - start;
            vectors[i] = new SparseVector(ColumnIndex.AsSpan(start, length).ToArray(), Value.AsSpan(start, length).ToArray());
        }

        return new SparseMatrix(vectors, Columns);
    }
}
