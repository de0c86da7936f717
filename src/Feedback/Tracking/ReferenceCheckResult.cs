namespace QualityVoice.Feedback.Tracking;

/// <summary>What opening a reference with a passphrase came to.</summary>
/// <typeparam name="T">What the reference opens.</typeparam>
public abstract record ReferenceCheckResult<T>
    where T : class
{
    private ReferenceCheckResult()
    {
    }

    /// <summary>The reference and passphrase match.</summary>
    /// <param name="Item">What they open.</param>
    public sealed record Opened(T Item) : ReferenceCheckResult<T>;

    /// <summary>No such reference, or the wrong passphrase: deliberately the same answer.</summary>
    public sealed record NoMatch : ReferenceCheckResult<T>;

    /// <summary>Too many failures: the reference is locked.</summary>
    /// <param name="Until">When it unlocks.</param>
    public sealed record Locked(DateTimeOffset Until) : ReferenceCheckResult<T>;

    /// <summary>What was typed cannot be a reference or passphrase (no attempt is counted).</summary>
    /// <param name="Reference">The reference is not in the right format.</param>
    /// <param name="Passphrase">The passphrase is not four words from the list.</param>
    public sealed record Malformed(bool Reference, bool Passphrase) : ReferenceCheckResult<T>;
}
