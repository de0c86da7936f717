namespace QualityVoice.Feedback.Retention;

/// <summary>The items past their retention period, as the store loads and saves them.</summary>
public interface IRetentionStore
{
    /// <summary>
    /// Up to <paramref name="max"/> items that arrived before <paramref name="before"/> and still hold their original
    /// words, oldest first; items still waiting for analysis are left until it has run.
    /// </summary>
    Task<IReadOnlyList<HeldWords>> FindOriginalWordsBeforeAsync(DateTimeOffset before, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Puts the kept words in place of each item's original words, removes its e-mail address (and the e-mails not yet
    /// sent to it), keeps only the hidden version of the person's own messages on /track, and records when
    /// (<paramref name="at"/>). Returns how many items changed.
    /// </summary>
    Task<int> RemoveOriginalWordsAsync(IReadOnlyList<KeptWords> kept, DateTimeOffset at, CancellationToken cancellationToken);
}
