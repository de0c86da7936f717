namespace QualityVoice.Analysis.Local;

/// <summary>
/// Maps a model's raw probability to how often it is right (isotonic regression, fitted by pooling adjacent
/// violators on out-of-fold predictions): after it, a confidence of 0.8 is right about eight times in ten.
/// A step function: <see cref="Upper"/>[k] is the highest raw probability of step k, <see cref="Value"/>[k] its rate.
/// </summary>
public sealed class Calibration
{
    internal Calibration(float[] upper, float[] value)
    {
        Upper = upper;
        Value = value;
    }

    /// <summary>No calibration: the raw probability is kept.</summary>
    public static Calibration Identity { get; } = new([], []);

    internal float[] Upper { get; }

    internal float[] Value { get; }

    /// <summary>The calibrated probability for a raw one.</summary>
    public double Apply(double raw)
    {
        if (Upper.Length == 0)
        {
            return raw;
        }

        var low = 0;
        var high = Upper.Length - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (raw <= Upper[middle])
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return Value[low];
    }

    /// <summary>Fits the step function to (raw probability, was it right) pairs.</summary>
    public static Calibration Fit(IReadOnlyList<(double Raw, bool Right)> points)
    {
        if (points.Count == 0)
        {
            return Identity;
        }

        var sorted = points.OrderBy(point => point.Raw).ToArray();
        var blocks = new List<(double Upper, double Sum, int Count)>();
        foreach (var (raw, right) in sorted)
        {
            blocks.Add((raw, right ? 1 : 0, 1));
            while (blocks.Count > 1 && blocks[^2].Sum / blocks[^2].Count >= blocks[^1].Sum / blocks[^1].Count)
            {
                var (upper, sum, count) = blocks[^1];
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = (upper, blocks[^1].Sum + sum, blocks[^1].Count + count);
            }
        }

        return new Calibration(
            blocks.Select(block => (float)block.Upper).ToArray(),
            blocks.Select(block => (float)(block.Sum / block.Count)).ToArray());
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(Upper.Length);
        for (var k = 0; k < Upper.Length; k++)
        {
            writer.Write(Upper[k]);
            writer.Write(Value[k]);
        }
    }

    internal static Calibration Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var upper = new float[count];
        var value = new float[count];
        for (var k = 0; k < count; k++)
        {
            (upper[k], value[k]) = (reader.ReadSingle(), reader.ReadSingle());
        }

        return new Calibration(upper, value);
    }
}
