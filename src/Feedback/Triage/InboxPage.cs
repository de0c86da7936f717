using QualityVoice.Analysis;

namespace QualityVoice.Feedback.Triage;

/// <summary>How the inbox is ordered.</summary>
public enum InboxOrder
{
    /// <summary>Newest first.</summary>
    Newest,

    /// <summary>Oldest first.</summary>
    Oldest,
}

/// <summary>A row of the inbox: what staff need to decide what to open.</summary>
/// <param name="Reference">The item.</param>
/// <param name="SubmittedAt">When it arrived.</param>
/// <param name="ServiceName">The service.</param>
/// <param name="Kind">Who gave it.</param>
/// <param name="Fft">The FFT answer.</param>
/// <param name="Status">Where it is in triage.</param>
/// <param name="Sentiment">Its feeling, once analysed.</param>
/// <param name="Urgent">Whether someone must read it today.</param>
/// <param name="AssignedTo">Who owns it.</param>
/// <param name="Themes">Its sub-categories.</param>
/// <param name="Summary">The start of its redacted text (or "Not analysed yet").</param>
public sealed record InboxRow(
    string Reference,
    DateTimeOffset SubmittedAt,
    string ServiceName,
    FeedbackKind Kind,
    FftRating Fft,
    TriageStatus Status,
    Sentiment? Sentiment,
    bool Urgent,
    string? AssignedTo,
    IReadOnlyList<string> Themes,
    string Summary);

/// <summary>One page of the inbox, with the cursors either side of it (keyset paging).</summary>
/// <param name="Rows">The rows, in the requested order.</param>
/// <param name="Next">The cursor of the next page, or null on the last.</param>
public sealed record InboxPage(IReadOnlyList<InboxRow> Rows, string? Next);

/// <summary>How many items there are for each value of each filter, given the other filters.</summary>
/// <param name="ByFacet">Facet (status, sentiment, kind, fft, urgent, service) → value → count.</param>
/// <param name="Total">How many items match the filter.</param>
/// <param name="Capped">Whether the counts cover only the newest <see cref="CountCap"/> matches.</param>
public sealed record InboxCounts(IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ByFacet, int Total, bool Capped)
{
    /// <summary>Filters the monthly counts cannot answer are counted over at most this many newest matches.</summary>
    public const int CountCap = 1_000;
}

/// <summary>What the inbox shows: a page of rows and the counts of the filter.</summary>
/// <param name="Page">The page.</param>
/// <param name="Counts">The counts.</param>
public sealed record InboxView(InboxPage Page, InboxCounts Counts);
