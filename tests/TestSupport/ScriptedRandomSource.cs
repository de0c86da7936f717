using QualityVoice.Feedback;

namespace QualityVoice.TestSupport;

/// <summary>Randomness a test controls: returns the given values in turn (modulo the range), then repeats them.</summary>
public sealed class ScriptedRandomSource(params int[] values) : IRandomSource
{
    private int _next;

    /// <inheritdoc />
    public int Next(int maxExclusive) => values[_next++ % values.Length] % maxExclusive;
}
