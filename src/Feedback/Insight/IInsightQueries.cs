namespace QualityVoice.Feedback.Insight;

/// <summary>
/// The counts behind the dashboard, the early warnings, the FFT return and the open data: read from the monthly
/// and weekly counts the store keeps as items change, never by scanning every item.
/// </summary>
public interface IInsightQueries
{
    /// <summary>Items by month, service, FFT answer and sentiment, for months in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    Task<IReadOnlyList<MonthlyCount>> MonthlyAsync(YearMonth from, YearMonth to, string? serviceId, CancellationToken cancellationToken);

    /// <summary>Theme mentions by month, service and sentiment.</summary>
    Task<IReadOnlyList<ThemeCount>> ThemesAsync(YearMonth from, YearMonth to, string? serviceId, CancellationToken cancellationToken);

    /// <summary>Theme mentions by week (starting Monday), service, with how many were negative.</summary>
    Task<IReadOnlyList<WeeklyThemeCount>> WeeklyThemesAsync(DateOnly fromWeek, DateOnly toWeek, CancellationToken cancellationToken);

    /// <summary>
    /// How many people gave each answer to each equality monitoring question in months [<paramref name="from"/>,
    /// <paramref name="to"/>] (at one service, or all): read from the answers kept apart from the feedback.
    /// </summary>
    Task<IReadOnlyList<EqualityAnswerCount>> EqualityAsync(YearMonth from, YearMonth to, string? serviceId, CancellationToken cancellationToken);

    /// <summary>A month's FFT responses per service, collection mode and answer: the monthly return to NHS England.</summary>
    Task<IReadOnlyList<FftReturnCount>> FftReturnAsync(YearMonth month, CancellationToken cancellationToken);
}

/// <summary>How many items a month, service, FFT answer and sentiment had.</summary>
/// <param name="Month">The month they arrived.</param>
/// <param name="ServiceId">The service.</param>
/// <param name="Fft">The FFT answer.</param>
/// <param name="Sentiment">The sentiment's wire name, or empty when not analysed yet.</param>
/// <param name="Count">How many.</param>
public sealed record MonthlyCount(YearMonth Month, string ServiceId, FftRating Fft, string Sentiment, int Count);

/// <summary>How many items mentioned a theme in a month at a service, in all and by sentiment.</summary>
/// <param name="Month">The month they arrived.</param>
/// <param name="ServiceId">The service.</param>
/// <param name="Theme">The sub-category.</param>
/// <param name="Positive">Positive items.</param>
/// <param name="Neutral">Neutral items.</param>
/// <param name="Negative">Negative items.</param>
/// <param name="Mixed">Items both positive and negative.</param>
/// <param name="Count">All the items (the four above, and any not analysed).</param>
public sealed record ThemeCount(YearMonth Month, string ServiceId, string Theme, int Positive, int Neutral, int Negative, int Mixed, int Count);

/// <summary>How many items mentioned a theme in a week at a service, and how many of those were negative.</summary>
/// <param name="Week">The Monday the week starts (UTC).</param>
/// <param name="ServiceId">The service.</param>
/// <param name="Theme">The sub-category.</param>
/// <param name="Negative">How many were negative.</param>
/// <param name="Total">How many in all.</param>
public sealed record WeeklyThemeCount(DateOnly Week, string ServiceId, string Theme, int Negative, int Total);

/// <summary>A row of the monthly FFT return.</summary>
/// <param name="ServiceId">The service.</param>
/// <param name="ServiceName">Its name.</param>
/// <param name="Mode">How the responses were collected.</param>
/// <param name="Fft">The answer.</param>
/// <param name="Count">How many.</param>
public sealed record FftReturnCount(string ServiceId, string ServiceName, CollectionMode Mode, FftRating Fft, int Count);
