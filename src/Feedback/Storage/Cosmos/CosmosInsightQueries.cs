using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Azure.Cosmos;
using QualityVoice.Analysis;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// The dashboard's, early warnings', FFT return's and open data's counts on Cosmos DB, counted from the items' derived
/// fields month by month: one keyset-paged single-partition query per month asked for, projecting only what is
/// counted (no aggregates, which the protocol peer cannot run and which cost the same RU for a partition read).
/// Counting reads every item of the months asked for; per-month rollup documents kept as items change are the
/// cheaper design for large ICBs (docs/adr/0017-cosmos-everything.md).
/// </summary>
public sealed class CosmosInsightQueries : IInsightQueries
{
    private const int PageSize = 1000;

    private readonly CosmosFeedbackItems _items;

    /// <summary>Opens the queries on containers that exist.</summary>
    public CosmosInsightQueries(CosmosContainers containers) => _items = new CosmosFeedbackItems(containers.Feedback);

    /// <inheritdoc />
    public async Task<IReadOnlyList<MonthlyCount>> MonthlyAsync(YearMonth from, YearMonth to, string? serviceId, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(string Month, string ServiceId, FftRating Fft, string Sentiment), int>();
        await foreach (var (month, item) in ReadAsync(from, to, serviceId, cancellationToken))
        {
            var key = (month, item.ServiceId, item.FftRating, Wire(item.Sentiment));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts
            .OrderBy(pair => pair.Key.Month, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.ServiceId, StringComparer.Ordinal)
            .ThenBy(pair => WireName<FftRating>.Of(pair.Key.Fft), StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Sentiment, StringComparer.Ordinal)
            .Select(pair => new MonthlyCount(Month(pair.Key.Month), pair.Key.ServiceId, pair.Key.Fft, pair.Key.Sentiment, pair.Value))
            .ToArray();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ThemeCount>> ThemesAsync(YearMonth from, YearMonth to, string? serviceId, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(string Month, string ServiceId, string Theme), int[]>();
        await foreach (var (month, item) in ReadAsync(from, to, serviceId, cancellationToken))
        {
            foreach (var (theme, feeling) in item.Mentions())
            {
                var key = (month, item.ServiceId, theme);
                if (!counts.TryGetValue(key, out var count))
                {
                    counts[key] = count = new int[5];
                }

                if (feeling is { } known)
                {
                    count[(int)known]++;
                }

                count[4]++;
            }
        }

        return counts
            .OrderBy(pair => pair.Key.Month, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.ServiceId, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Theme, StringComparer.Ordinal)
            .Select(pair => new ThemeCount(
                Month(pair.Key.Month), pair.Key.ServiceId, pair.Key.Theme,
                pair.Value[(int)Sentiment.Positive], pair.Value[(int)Sentiment.Neutral], pair.Value[(int)Sentiment.Negative], pair.Value[(int)Sentiment.Mixed], pair.Value[4]))
            .ToArray();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WeeklyThemeCount>> WeeklyThemesAsync(DateOnly fromWeek, DateOnly toWeek, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(DateOnly Week, string ServiceId, string Theme), (int Negative, int Total)>();
        var lastDay = toWeek.AddDays(6);
        await foreach (var (_, item) in ReadAsync(new YearMonth(fromWeek.Year, fromWeek.Month), new YearMonth(lastDay.Year, lastDay.Month), null, cancellationToken))
        {
            var day = DateOnly.FromDateTime(item.SubmittedAt.UtcDateTime);
            var week = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            if (week < fromWeek || week > toWeek)
            {
                continue;
            }

            foreach (var (theme, feeling) in item.Mentions())
            {
                var key = (week, item.ServiceId, theme);
                var (negative, total) = counts.GetValueOrDefault(key);
                counts[key] = (negative + (feeling == Sentiment.Negative ? 1 : 0), total + 1);
            }
        }

        return counts
            .OrderBy(pair => pair.Key.Week)
            .ThenBy(pair => pair.Key.ServiceId, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Theme, StringComparer.Ordinal)
            .Select(pair => new WeeklyThemeCount(pair.Key.Week, pair.Key.ServiceId, pair.Key.Theme, pair.Value.Negative, pair.Value.Total))
            .ToArray();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FftReturnCount>> FftReturnAsync(YearMonth month, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(string ServiceId, CollectionMode Mode, FftRating Fft), (string ServiceName, int Count)>();
        await foreach (var (_, item) in ReadAsync(month, month, null, cancellationToken))
        {
            var key = (item.ServiceId, item.CollectionMode, item.FftRating);
            var (name, count) = counts.GetValueOrDefault(key, (item.ServiceName, 0));
            counts[key] = (string.CompareOrdinal(item.ServiceName, name) > 0 ? item.ServiceName : name, count + 1);
        }

        return counts
            .OrderBy(pair => pair.Key.ServiceId, StringComparer.Ordinal)
            .ThenBy(pair => WireName<CollectionMode>.Of(pair.Key.Mode), StringComparer.Ordinal)
            .ThenBy(pair => WireName<FftRating>.Of(pair.Key.Fft), StringComparer.Ordinal)
            .Select(pair => new FftReturnCount(pair.Key.ServiceId, pair.Value.ServiceName, pair.Key.Mode, pair.Key.Fft, pair.Value.Count))
            .ToArray();
    }

    private static string Wire(Sentiment? sentiment) => sentiment is { } known ? WireName<Sentiment>.Of(known) : string.Empty;

    private static YearMonth Month(string month) => YearMonth.TryParse(month, out var parsed) ? parsed : throw new InvalidDataException($"'{month}' is not a month.");

    /// <summary>Every item of the months in [<paramref name="from"/>, <paramref name="to"/>] that the store holds, as counted.</summary>
    private async IAsyncEnumerable<(string Month, CountedItem Item)> ReadAsync(
        YearMonth from, YearMonth to, string? serviceId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (first, last) = (from.ToString(), to.ToString());
        foreach (var month in (await _items.MonthsAsync(cancellationToken)).Where(month => string.CompareOrdinal(month, first) >= 0 && string.CompareOrdinal(month, last) <= 0))
        {
            var after = string.Empty;
            while (true)
            {
                var query = new QueryDefinition(
                        "SELECT TOP @size c.sortKey, c.serviceId, c.serviceName, c.fftRating, c.collectionMode, c.submittedAt, c.sentiment, c.themes, c.themeFeelings "
                        + "FROM c WHERE c.pk = @pk AND c.type = @type AND c.sortKey > @after" + (serviceId is null ? string.Empty : " AND c.serviceId = @service")
                        + " ORDER BY c.sortKey")
                    .WithParameter("@size", PageSize)
                    .WithParameter("@type", FeedbackDocument.TypeName)
                    .WithParameter("@after", after);
                if (serviceId is not null)
                {
                    query = query.WithParameter("@service", serviceId);
                }

                var read = 0;
                await foreach (var item in _items.Container.QueryAsync<CountedItem>(query, month, cancellationToken))
                {
                    read++;
                    after = item.SortKey;
                    yield return (month, item);
                }

                if (read < PageSize)
                {
                    break;
                }
            }
        }
    }

    /// <summary>What the counts read of an item (<see cref="FeedbackDocument"/>'s derived fields).</summary>
    private sealed record CountedItem(
        string SortKey,
        string ServiceId,
        string ServiceName,
        FftRating FftRating,
        CollectionMode CollectionMode,
        DateTimeOffset SubmittedAt,
        Sentiment? Sentiment,
        IReadOnlyList<string>? Themes,
        IReadOnlyList<string>? ThemeFeelings)
    {
        /// <summary>Each theme with the feeling it is counted by: its own, or else the item's.</summary>
        public IEnumerable<(string Theme, Sentiment? Feeling)> Mentions() => (Themes ?? []).Select(theme =>
        {
            var own = ThemeFeelings?.FirstOrDefault(pair => pair.StartsWith(theme + "|", StringComparison.Ordinal));
            return (theme, own is null ? Sentiment : WireName<Sentiment>.Parse(own[(theme.Length + 1)..]));
        });
    }
}
