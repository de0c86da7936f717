using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// Other intelligence in the feedback container, one document a service, month, channel and subject (its id a hash of
/// those, so a corrected upload replaces it), partitioned by month (<c>other-intelligence:2026-09</c>).
/// </summary>
public sealed class CosmosOtherIntelligence(CosmosContainers containers) : IOtherIntelligence
{
    private const int Parallel = 8;
    private readonly Container _feedback = containers.Feedback;

    /// <inheritdoc />
    public async Task SaveAsync(IReadOnlyList<IntelligenceCount> counts, CancellationToken cancellationToken) =>
        await System.Threading.Tasks.Parallel.ForEachAsync(
            counts,
            new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellationToken },
            async (count, token) =>
            {
                var document = IntelligenceDocument.From(count);
                await _feedback.UpsertItemAsync(document, new PartitionKey(document.Pk), cancellationToken: token);
            });

    /// <inheritdoc />
    public async Task<IReadOnlyList<IntelligenceCount>> ReadAsync(YearMonth from, YearMonth to, string? serviceId, CancellationToken cancellationToken)
    {
        var counts = new List<IntelligenceCount>();
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'intelligence'");
            await foreach (var document in _feedback.QueryAsync<IntelligenceDocument>(query, IntelligenceDocument.PartitionOf(month), cancellationToken))
            {
                if ((serviceId is null || document.ServiceId == serviceId) && document.ToCount() is { } count)
                {
                    counts.Add(count);
                }
            }
        }

        return [.. counts.OrderBy(count => count.Month).ThenBy(count => count.ServiceId, StringComparer.Ordinal)
            .ThenBy(count => count.Channel).ThenBy(count => count.Subject, StringComparer.Ordinal)];
    }
}

/// <summary>A count of other intelligence as Cosmos DB keeps it.</summary>
internal sealed record IntelligenceDocument(
    string Id, string Pk, string ServiceId, string Month, string Channel, string Subject, int Count, string UploadedBy, DateTimeOffset UploadedAt)
{
    public string Type { get; init; } = "intelligence";

    public static string PartitionOf(YearMonth month) => "other-intelligence:" + month;

    public static IntelligenceDocument From(IntelligenceCount count)
    {
        var channel = WireName<IntelligenceChannel>.Of(count.Channel);
        var key = $"{count.ServiceId}\n{count.Month}\n{channel}\n{count.Subject.ToUpperInvariant()}";
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        return new IntelligenceDocument(id, PartitionOf(count.Month), count.ServiceId, count.Month.ToString(), channel, count.Subject, count.Count, count.UploadedBy, count.UploadedAt);
    }

    public IntelligenceCount? ToCount() =>
        YearMonth.TryParse(Month, out var month) && WireName<IntelligenceChannel>.TryParse(Channel, out var channel)
            ? new IntelligenceCount(ServiceId, month, channel, Subject, Count, UploadedBy, UploadedAt)
            : null;
}
