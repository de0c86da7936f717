using QualityVoice.Analysis.Pii;

namespace QualityVoice.Feedback.Retention;

/// <summary>
/// What the ICB keeps and for how long: a person's own words and e-mail address for
/// <see cref="OriginalWordsMonths"/> months from when their feedback arrived; then the words with personal details
/// hidden, and the analysis and the quality team's record, for as long as the feedback is kept.
/// </summary>
/// <param name="OriginalWordsMonths">Months the original words and the e-mail address are kept.</param>
public sealed record RetentionPolicy(int OriginalWordsMonths)
{
    /// <summary>The longest period accepted: 100 years is a records policy, not a typing slip.</summary>
    public const int MaximumMonths = 1200;

    /// <summary>Whether the period is one a records policy could mean: at least a month, at most <see cref="MaximumMonths"/>.</summary>
    public bool IsValid => OriginalWordsMonths is >= 1 and <= MaximumMonths;

    /// <summary>Items that arrived before this, at <paramref name="now"/>, no longer keep their original words.</summary>
    public DateTimeOffset OriginalWordsCutOff(DateTimeOffset now) => now.ToUniversalTime().AddMonths(-OriginalWordsMonths);

    /// <summary>The period in words, for the privacy notice and the audit log: "24 months", "2 years", "1 month".</summary>
    public string OriginalWordsPeriod => Period(OriginalWordsMonths);

    /// <summary>Where a content pack's privacy notice states the original words' period: replaced by it when shown.</summary>
    public const string OriginalWordsPlaceholder = "{{retention:original-words}}";

    /// <summary>A privacy notice's text with the periods in place of their placeholders.</summary>
    public string StatePeriods(string notice) => notice.Replace(OriginalWordsPlaceholder, OriginalWordsPeriod, StringComparison.Ordinal);

    /// <summary>
    /// What an item keeps once its original words go: the words with personal details hidden, as analysis hid them;
    /// for an item analysis never finished, hidden now by the same rules.
    /// </summary>
    public static KeptWords Keep(HeldWords held) => new(
        held.Reference,
        held.RedactedWhatWasGood ?? Redact(held.WhatWasGood),
        held.RedactedWhatCouldImprove ?? Redact(held.WhatCouldImprove));

    private static string? Redact(string? original) => original is null ? null : PiiRedactor.Redact(original).RedactedText;

    private static string Period(int months) => months switch
    {
        1 => "1 month",
        12 => "1 year",
        _ when months % 12 == 0 => $"{months / 12} years",
        _ => $"{months} months",
    };
}

/// <summary>An item whose original words the policy says should go, as the store holds them.</summary>
/// <param name="Reference">The item.</param>
/// <param name="WhatWasGood">"What was good?" as the person wrote it.</param>
/// <param name="WhatCouldImprove">"What could we do better?" as the person wrote it.</param>
/// <param name="RedactedWhatWasGood">The same with personal details hidden, once analysis has run.</param>
/// <param name="RedactedWhatCouldImprove">The same with personal details hidden, once analysis has run.</param>
public sealed record HeldWords(string Reference, string? WhatWasGood, string? WhatCouldImprove, string? RedactedWhatWasGood, string? RedactedWhatCouldImprove);

/// <summary>What an item keeps in place of its original words.</summary>
/// <param name="Reference">The item.</param>
/// <param name="WhatWasGood">"What was good?" with personal details hidden.</param>
/// <param name="WhatCouldImprove">"What could we do better?" with personal details hidden.</param>
public sealed record KeptWords(string Reference, string? WhatWasGood, string? WhatCouldImprove);
