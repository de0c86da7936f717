namespace QualityVoice.Feedback.Retention;

/// <summary>
/// What the ICB keeps and for how long: a person's own words and e-mail address for
/// <see cref="OriginalWordsMonths"/> months from when their feedback arrived; then the words with personal details
/// hidden, and the analysis and the quality team's record, for as long as the feedback is kept.
/// </summary>
/// <param name="OriginalWordsMonths">Months the original words and the e-mail address are kept.</param>
/// <param name="SpeakUpCaseMonths">Months a closed speak-up case keeps its details; null: until the ICB sets a period.</param>
public sealed record RetentionPolicy(int OriginalWordsMonths, int? SpeakUpCaseMonths = null)
{
    /// <summary>The longest period accepted: 100 years is a records policy, not a typing slip.</summary>
    public const int MaximumMonths = 1200;

    /// <summary>Whether the period is one a records policy could mean: at least a month, at most <see cref="MaximumMonths"/>.</summary>
    public bool IsValid => OriginalWordsMonths is >= 1 and <= MaximumMonths && SpeakUpCaseMonths is null or (>= 1 and <= MaximumMonths);

    /// <summary>Items that arrived before this, at <paramref name="now"/>, no longer keep their original words.</summary>
    public DateTimeOffset OriginalWordsCutOff(DateTimeOffset now) => now.ToUniversalTime().AddMonths(-OriginalWordsMonths);

    /// <summary>The period in words, for the privacy notice and the audit log: "24 months", "2 years", "1 month".</summary>
    public string OriginalWordsPeriod => InWords(OriginalWordsMonths);

    /// <summary>Where a content pack's privacy notice states the original words' period: replaced by it when shown.</summary>
    public const string OriginalWordsPlaceholder = "{{retention:original-words}}";

    /// <summary>Where a content pack's privacy notice states how long speak-up cases are kept: replaced when shown.</summary>
    public const string SpeakUpCasesPlaceholder = "{{retention:speak-up-cases}}";

    /// <summary>How long a closed case keeps its details, in words that follow "We keep…".</summary>
    public string SpeakUpCasesPeriod => SpeakUpCaseMonths is { } months
        ? $"for {InWords(months)} after the case is closed"
        : "for as long as our records management policy says";

    /// <summary>A privacy notice's text with the periods in place of their placeholders.</summary>
    public string StatePeriods(string notice) => notice
        .Replace(OriginalWordsPlaceholder, OriginalWordsPeriod, StringComparison.Ordinal)
        .Replace(SpeakUpCasesPlaceholder, SpeakUpCasesPeriod, StringComparison.Ordinal);

    /// <summary>Whether a case's details are past the period on <paramref name="today"/>: closed that long ago, and still held.</summary>
    public bool SpeakUpDetailsAreDue(SpeakUp.SpeakUpCase found, DateOnly today) =>
        SpeakUpCaseMonths is { } months && found.ClosedOn is { } closed && found.DetailsRemovedOn is null && closed.AddMonths(months) <= today;

    /// <summary>
    /// What an item keeps once its original words go: the words with personal details hidden, as analysis hid them;
    /// for an item analysis never finished, hidden now by the same rules.
    /// </summary>
    public static KeptWords Keep(HeldWords held) => new(
        held.Reference,
        held.RedactedWhatWasGood ?? RedactedText.Of(held.WhatWasGood),
        held.RedactedWhatCouldImprove ?? RedactedText.Of(held.WhatCouldImprove));

    /// <summary>A number of months in words: "1 month", "18 months", "1 year", "7 years".</summary>
    public static string InWords(int months) => months % 12 == 0 ? Counted.Of(months / 12, "year") : Counted.Of(months, "month");
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
