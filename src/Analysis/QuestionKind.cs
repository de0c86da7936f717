namespace QualityVoice.Analysis;

/// <summary>
/// The question a comment answers. It matters: labellers gave "Nothing." to "What was good?" the sub-category
/// Negative experience, and to "What could we do better?" Positive experience.
/// </summary>
public enum QuestionKind
{
    /// <summary>Not known (a CSV without a question column).</summary>
    Unknown,

    /// <summary>"What was good?"</summary>
    WhatWasGood,

    /// <summary>"What could we do better?" or "How could we improve?"</summary>
    WhatCouldImprove,

    /// <summary>"Why did you give that answer?" (the FFT follow-up).</summary>
    Why,

    /// <summary>A question asking for both sides, such as the NHS 111 survey's "particularly satisfied and/or dissatisfied".</summary>
    Both,
}
