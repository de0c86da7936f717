namespace QualityVoice.Analysis.Urgency;

/// <summary>One piece of evidence that a comment is urgent, shown beside the flag so that a person can judge it.</summary>
/// <param name="Reason">Which reason (<see cref="UrgencyReasons"/>).</param>
/// <param name="Source">
/// What found it: <c>phrase</c> (the lexicon matched words in the comment), <c>meaning</c> (the classifier over the
/// comment's sentence embedding) or <c>similar</c> (the nearest of the curated urgent examples).
/// </param>
/// <param name="Evidence">The phrase matched, or the nearest example's words; empty for the classifier alone.</param>
/// <param name="Strength">How strong: 1 for a phrase, the probability, or the cosine similarity.</param>
public sealed record UrgencySignal(string Reason, string Source, string Evidence, double Strength)
{
    /// <summary>The lexicon matched words in the comment.</summary>
    public const string Phrase = "phrase";

    /// <summary>The classifier over the sentence embedding.</summary>
    public const string Meaning = "meaning";

    /// <summary>The nearest curated urgent example.</summary>
    public const string Similar = "similar";
}
