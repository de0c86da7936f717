using QualityVoice.Analysis.Pii;

namespace QualityVoice.Feedback;

/// <summary>
/// What staff see of an item by default: the redacted answers stored by analysis or, while analysis is still
/// pending, the same redaction done there and then, so nobody ever sees personal details by accident.
/// </summary>
public static class RedactedText
{
    /// <summary>"What was good?", redacted.</summary>
    public static string? WhatWasGood(FeedbackItem item) =>
        item.Analysis is { } analysis ? analysis.RedactedWhatWasGood : Of(item.WhatWasGood);

    /// <summary>"What could we do better?", redacted.</summary>
    public static string? WhatCouldImprove(FeedbackItem item) =>
        item.Analysis is { } analysis ? analysis.RedactedWhatCouldImprove : Of(item.WhatCouldImprove);

    /// <summary>Both answers in one line for lists: the one that says what to improve first.</summary>
    public static string Summary(FeedbackItem item) =>
        string.Join(" / ", new[] { WhatCouldImprove(item), WhatWasGood(item) }.Where(text => !string.IsNullOrEmpty(text)));

    /// <summary>Text with personal details hidden now, by the rules analysis uses; null for no text.</summary>
    public static string? Of(string? text) => text is null ? null : PiiRedactor.Redact(text).RedactedText;
}
