using System.Globalization;
using System.Net;
using Microsoft.Azure.Cosmos;
using QualityVoice.Analysis;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// A month's counts, in the month's own partition beside its items (<c>id = "rollup"</c>): how many items each
/// <see cref="RollupKey"/> counts. The dashboard, early warnings, FFT return, open data and theme pages read one
/// of these a month instead of the month's items.
/// </summary>
internal sealed record MonthRollupDocument
{
    public const string DocumentId = "rollup";

    public string Id { get; init; } = DocumentId;

    public required string Pk { get; init; }

    public string Type { get; init; } = "rollup";

    /// <summary>How many items each key counts; keys of items since changed stay, at zero.</summary>
    public Dictionary<string, int> Counts { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>
/// What an item is counted as in its month's rollup: one key for the monthly counts (service, FFT answer, sentiment),
/// one for the FFT return (service, how collected, answer, the service's name), and two for each theme it mentions
/// (by month, and by week, each with the feeling about that theme). The parts are escaped so that a key is safe as a
/// patch path and splits back into what it was made of.
/// </summary>
internal static class RollupKey
{
    public const string Monthly = "m";
    public const string FftReturn = "f";
    public const string Theme = "t";
    public const string WeeklyTheme = "w";

    /// <summary>The keys an item counts towards, as it is now.</summary>
    public static string[] Of(FeedbackDocument item)
    {
        var sentiment = Wire(item.Sentiment);
        var week = EarlyWarnings.WeekOf(DateOnly.FromDateTime(item.SubmittedAt.UtcDateTime)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fft = WireName<FftRating>.Of(item.FftRating);
        return
        [
            Make(Monthly, item.ServiceId, fft, sentiment),
            Make(FftReturn, item.ServiceId, WireName<CollectionMode>.Of(item.CollectionMode), fft, item.ServiceName),
            .. item.Themes.Distinct(StringComparer.Ordinal).SelectMany(theme => new[]
            {
                Make(Theme, item.ServiceId, theme, Wire(item.FeelingAbout(theme))),
                Make(WeeklyTheme, week, item.ServiceId, theme, Wire(item.FeelingAbout(theme))),
            }),
        ];
    }

    /// <summary>The parts of a key: its kind first.</summary>
    public static string[] Parts(string key) => key.Split('|').Select(Uri.UnescapeDataString).ToArray();

    /// <summary>A sentiment as the keys hold it: its wire name, or empty when not analysed yet.</summary>
    public static string Wire(Sentiment? sentiment) => sentiment is { } known ? WireName<Sentiment>.Of(known) : string.Empty;

    private static string Make(params string[] parts) => string.Join('|', parts.Select(part => Uri.EscapeDataString(part).Replace("~", "%7E", StringComparison.Ordinal)));
}

/// <summary>
/// Keeps each month's rollup as its items change. An item stores the keys it is counted as
/// (<see cref="FeedbackDocument.Counted"/>) in the same write that changes it, under the ETag read; the rollup then
/// moves by the difference between the keys of the version replaced and those of the version written, with Patch
/// <c>incr</c>, which the service applies atomically whatever else is writing. Concurrent changes of one item each
/// move the counts from the version they replaced, so the moves add up exactly; a change repeated (analysis saved
/// twice, a correction to what it already is) moves nothing.
/// </summary>
internal sealed class MonthRollups(Container feedback)
{
    /// <summary>The most operations one patch may carry (Cosmos DB's limit).</summary>
    private const int MostOperations = 10;

    /// <summary>Moves a month's counts from what an item was counted as to what it is counted as now.</summary>
    public async Task MoveAsync(string month, IReadOnlyList<string>? was, IReadOnlyList<string> now, CancellationToken cancellationToken)
    {
        var moves = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in was ?? [])
        {
            moves[key] = moves.GetValueOrDefault(key) - 1;
        }

        foreach (var key in now)
        {
            moves[key] = moves.GetValueOrDefault(key) + 1;
        }

        foreach (var chunk in moves.Where(move => move.Value != 0).Chunk(MostOperations))
        {
            var operations = chunk.Select(move => PatchOperation.Increment("/counts/" + move.Key, move.Value)).ToArray();
            if (!await TryPatchAsync(month, operations, cancellationToken))
            {
                // The month's first count: its rollup is made (by this writer or another) and the patch applied to it.
                await feedback.TryCreateAsync(new MonthRollupDocument { Pk = month }, month, cancellationToken);
                if (!await TryPatchAsync(month, operations, cancellationToken))
                {
                    throw new StoreUnavailableException($"The rollup of {month} could not be written.");
                }
            }
        }
    }

    /// <summary>
    /// Rebuilds a month's rollup from its items: each counts as its <see cref="FeedbackDocument.Counted"/> keys (an
    /// item written before rollups existed is given its keys first). The rollup is replaced under the ETag read
    /// before the items were, so a count moved meanwhile starts the month again. True when the rollup was wrong.
    /// </summary>
    public async Task<bool> RecountAsync(string month, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (rollup, eTag) = await feedback.TryReadAsync<MonthRollupDocument>(MonthRollupDocument.DocumentId, month, cancellationToken);
            if (await TallyAsync(month, cancellationToken) is not { } counts)
            {
                continue;
            }

            var was = rollup?.Counts.Where(pair => pair.Value != 0).ToDictionary(StringComparer.Ordinal) ?? [];
            if (was.Count == counts.Count && counts.All(pair => was.GetValueOrDefault(pair.Key) == pair.Value))
            {
                return false;
            }

            var rebuilt = new MonthRollupDocument { Pk = month, Counts = counts };
            if (eTag is null
                ? await feedback.TryCreateAsync(rebuilt, month, cancellationToken)
                : await feedback.TryReplaceAsync(rebuilt, MonthRollupDocument.DocumentId, month, eTag, cancellationToken))
            {
                return true;
            }
        }
    }

    /// <summary>A month's rollup, or null when nothing has been counted in it.</summary>
    public async Task<MonthRollupDocument?> ReadAsync(string month, CancellationToken cancellationToken) =>
        (await feedback.TryReadAsync<MonthRollupDocument>(MonthRollupDocument.DocumentId, month, cancellationToken)).Document;

    /// <summary>What a month's items count towards; null when an item changed while it was being given its keys.</summary>
    private async Task<Dictionary<string, int>?> TallyAsync(string month, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var item in feedback.EveryItemOfMonthAsync(month, cancellationToken))
        {
            var keys = item.Counted;
            if (keys is null)
            {
                keys = RollupKey.Of(item);
                if (!await feedback.TryReplaceAsync(item with { Counted = keys, ETag = null }, item.Id, month, item.ETag!, cancellationToken))
                {
                    return null;
                }
            }

            foreach (var key in keys)
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }

    private async Task<bool> TryPatchAsync(string month, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken)
    {
        using var response = await feedback.PatchItemStreamAsync(MonthRollupDocument.DocumentId, new PartitionKey(month), operations, cancellationToken: cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        return true;
    }
}
