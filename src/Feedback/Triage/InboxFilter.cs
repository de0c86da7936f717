using QualityVoice.Analysis;

namespace QualityVoice.Feedback.Triage;

/// <summary>
/// What the inbox shows: every filter is optional and they combine (all must hold). The back office reads it from
/// the query string (<c>status</c>, <c>sentiment</c>, <c>theme</c>, <c>strategicTheme</c>, <c>service</c>,
/// <c>kind</c>, <c>fft</c>, <c>urgent</c>, <c>assignedTo</c>, <c>from</c>, <c>to</c>, <c>q</c>) so a view can be
/// bookmarked and shared.
/// </summary>
public sealed record InboxFilter
{
    /// <summary>Where it is in triage.</summary>
    public TriageStatus? Status { get; init; }

    /// <summary>Its overall feeling; with <see cref="Theme"/>, the feeling about that theme ("negative about waiting").</summary>
    public Sentiment? Sentiment { get; init; }

    /// <summary>A framework sub-category, exactly as named.</summary>
    public string? Theme { get; init; }

    /// <summary>Any of these sub-categories (a strategic theme's, from the pack's taxonomy).</summary>
    public IReadOnlyList<string>? AnyTheme { get; init; }

    /// <summary>The content pack's service id, or "other".</summary>
    public string? ServiceId { get; init; }

    /// <summary>Who gave it.</summary>
    public FeedbackKind? Kind { get; init; }

    /// <summary>The Friends and Family Test answer.</summary>
    public FftRating? Fft { get; init; }

    /// <summary>Only urgent items (true) or only the rest (false).</summary>
    public bool? Urgent { get; init; }

    /// <summary>Only items the model was unsure of (true), or only the rest (false).</summary>
    public bool? NeedsReview { get; init; }

    /// <summary>Who owns it: an e-mail address, or <see cref="Unassigned"/>.</summary>
    public string? AssignedTo { get; init; }

    /// <summary>Arrived on or after this day (UTC).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Arrived on or before this day (UTC).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Words to find in the redacted text.</summary>
    public string? Query { get; init; }

    /// <summary>How many words of <see cref="Query"/> a search uses, at most; the rest are left out.</summary>
    public const int MostSearchWords = 12;

    /// <summary>The <see cref="AssignedTo"/> value that means "nobody".</summary>
    public const string Unassigned = "nobody";

    /// <summary>
    /// Whether the filter is only on what the running totals hold (service, kind, FFT answer, status, sentiment,
    /// urgency), so that its counts are exact; otherwise they are counted over the newest matches.
    /// </summary>
    public bool IsCountable =>
        Theme is null && AnyTheme is null && AssignedTo is null && NeedsReview is null && string.IsNullOrWhiteSpace(Query) && From is null && To is null;
}
