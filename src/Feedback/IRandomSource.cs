namespace QualityVoice.Feedback;

/// <summary>
/// Where references, passphrases and other secrets get their randomness. Injected so that tests are exact;
/// production uses <see cref="SecureRandomSource"/>, because a guessable reference would expose what people said.
/// </summary>
public interface IRandomSource
{
    /// <summary>A uniformly distributed integer in [0, <paramref name="maxExclusive"/>).</summary>
    int Next(int maxExclusive);
}
