using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using QualityVoice.Analysis;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// The dashboard's, early warnings', FFT return's and open data's counts on Cosmos DB, read from the months' rollup
/// documents (<see cref="MonthRollups"/>): one point read per month asked for that holds items, and the months
/// document. One instance serves one request (it is registered scoped), and reads each month's rollup once however
/// many counts the page asks for.
/// </summary>
public sealed class CosmosInsightQueries : IInsightQueries
{
    private readonly CosmosFeedbackItems _items;
    private readonly Microsoft.Azure.Cosmos.Container _equality;
    private readonly ConcurrentDictionary<string, Task<MonthRollupDocument?>> _rollups = new(StringComparer.Ordinal);
    private Task<List<string>>? _months;

    /// <summary>Opens the queries on containers that exist.</summary>
    public CosmosInsightQueries(CosmosContainers containers)
    {
        _items = new CosmosFeedbackItems(containers.Feedback);
        _equality = containers.EqualityMonitoring;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EqualityAnswerCount>> EqualityAsync(YearMonth from, YearMonth to, string? serviceId, CancellationToken cancellationToken)
    {
        // The answers are kept by month, apart from the feedback: each month that holds feedback has its partition read
        // whole and counted (a month without feedback has no answers).
        var counts = new Dictionary<(string Question, string? Answer), int>();
        _months ??= _items.MonthsAsync(cancellationToken);
        var (first, last) = (from.ToString(), to.ToString());
        foreach (var month in (await _months).Where(month => string.CompareOrdinal(month, first) >= 0 && string.CompareOrdinal(month, last) <= 0))
        {
            var query = new Microsoft.Azure.Cosmos.QueryDefinition("SELECT * FROM c WHERE c.pk = @pk");
            await foreach (var document in _equality.QueryAsync<EqualityMonitoringDocument>(query, month, cancellationToken))
            {
                if (serviceId is not null && document.ServiceId != serviceId)
                {
                    continue;
                }

                var answers = document.Answers;
                foreach (var key in (ReadOnlySpan<(string, string?)>)[
                    ("age", answers.AgeBand), ("sex", answers.Sex), ("gender-identity", answers.GenderIdentitySameAsBirth), ("ethnicity", answers.Ethnicity),
                    ("disability", answers.Disability), ("religion", answers.Religion), ("sexual-orientation", answers.SexualOrientation)])
                {
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return [.. counts.Select(pair => new EqualityAnswerCount(pair.Key.Question, pair.Key.Answer, pair.Value))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MonthlyCount>> MonthlyAsync(YearMonth from, YearMonth to, string? serviceId, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(string Month, string ServiceId, FftRating Fft, string Sentiment), int>();
        await foreach (var (month, parts, count) in ReadAsync(RollupKey.Monthly, from, to, cancellationToken))
        {
            // m | service | FFT answer | sentiment
            if (serviceId is null || parts[1] == serviceId)
            {
                var key = (month, parts[1], WireName<FftRating>.Parse(parts[2]), parts[3]);
                counts[key] = counts.GetValueOrDefault(key) + count;
            }
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
        await foreach (var (month, parts, count) in ReadAsync(RollupKey.Theme, from, to, cancellationToken))
        {
            // t | service | theme | feeling
            if (serviceId is not null && parts[1] != serviceId)
            {
                continue;
            }

            var key = (month, parts[1], parts[2]);
            if (!counts.TryGetValue(key, out var byFeeling))
            {
                counts[key] = byFeeling = new int[5];
            }

            if (parts[3].Length > 0)
            {
                byFeeling[(int)WireName<Sentiment>.Parse(parts[3])] += count;
            }

            byFeeling[4] += count;
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
        var negative = WireName<Sentiment>.Of(Sentiment.Negative);
        await foreach (var (_, parts, count) in ReadAsync(RollupKey.WeeklyTheme, new YearMonth(fromWeek.Year, fromWeek.Month), new YearMonth(lastDay.Year, lastDay.Month), cancellationToken))
        {
            // w | week | service | theme | feeling
            var week = DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (week >= fromWeek && week <= toWeek)
            {
                var key = (week, parts[2], parts[3]);
                var (negatives, total) = counts.GetValueOrDefault(key);
                counts[key] = (negatives + (parts[4] == negative ? count : 0), total + count);
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
        await foreach (var (_, parts, count) in ReadAsync(RollupKey.FftReturn, month, month, cancellationToken))
        {
            // f | service | how collected | FFT answer | service name (the greatest, as SQLite's MAX gives it)
            var key = (parts[1], WireName<CollectionMode>.Parse(parts[2]), WireName<FftRating>.Parse(parts[3]));
            var (name, total) = counts.GetValueOrDefault(key, (parts[4], 0));
            counts[key] = (string.CompareOrdinal(parts[4], name) > 0 ? parts[4] : name, total + count);
        }

        return counts
            .OrderBy(pair => pair.Key.ServiceId, StringComparer.Ordinal)
            .ThenBy(pair => WireName<CollectionMode>.Of(pair.Key.Mode), StringComparer.Ordinal)
            .ThenBy(pair => WireName<FftRating>.Of(pair.Key.Fft), StringComparer.Ordinal)
            .Select(pair => new FftReturnCount(pair.Key.ServiceId, pair.Value.ServiceName, pair.Key.Mode, pair.Key.Fft, pair.Value.Count))
            .ToArray();
    }

    private static YearMonth Month(string month) => YearMonth.TryParse(month, out var parsed) ? parsed : throw new InvalidDataException($"'{month}' is not a month.");

    /// <summary>The counts of one kind of key (its parts, kind first) in the months in [<paramref name="from"/>, <paramref name="to"/>] that hold items.</summary>
    private async IAsyncEnumerable<(string Month, string[] Parts, int Count)> ReadAsync(
        string kind, YearMonth from, YearMonth to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (first, last) = (from.ToString(), to.ToString());
        _months ??= _items.MonthsAsync(cancellationToken);
        foreach (var month in (await _months).Where(month => string.CompareOrdinal(month, first) >= 0 && string.CompareOrdinal(month, last) <= 0))
        {
            var rollup = await _rollups.GetOrAdd(month, _ => _items.Rollups.ReadAsync(month, cancellationToken));
            foreach (var (key, count) in rollup?.Counts ?? [])
            {
                if (count != 0 && key.StartsWith(kind + "|", StringComparison.Ordinal))
                {
                    yield return (month, RollupKey.Parts(key), count);
                }
            }
        }
    }
}
