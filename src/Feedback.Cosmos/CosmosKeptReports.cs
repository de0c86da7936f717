using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// Kept reports in the feedback container, in a partition of their own (<c>kept-reports</c>): about two hundred a
/// year (a weekly pack each week, a report for each service every two months), each well under a document's 2 MB.
/// </summary>
public sealed class CosmosKeptReports(CosmosContainers containers) : IKeptReports
{
    private readonly Container _feedback = containers.Feedback;

    /// <inheritdoc />
    public Task<bool> AddAsync(KeptReport report, CancellationToken cancellationToken) =>
        _feedback.TryCreateAsync(
            new KeptReportDocument(report.Id, WireName<KeptReportKind>.Of(report.Kind), report.Title, report.GeneratedAt, report.GeneratedBy, report.Figures),
            KeptReportDocument.Partition,
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<KeptReportSummary>> ListAsync(CancellationToken cancellationToken)
    {
        // The list leaves the figures in the store.
        var query = new QueryDefinition("SELECT c.id, c.kind, c.title, c.generatedAt, c.generatedBy FROM c WHERE c.pk = @pk AND c.type = 'kept-report'");
        var kept = new List<KeptReportSummary>();
        await foreach (var document in _feedback.QueryAsync<KeptReportListing>(query, KeptReportDocument.Partition, cancellationToken))
        {
            if (WireName<KeptReportKind>.TryParse(document.Kind, out var kind))
            {
                kept.Add(new KeptReportSummary(document.Id, kind, document.Title, document.GeneratedAt, document.GeneratedBy));
            }
        }

        return [.. kept.OrderByDescending(report => report.GeneratedAt).ThenBy(report => report.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task ReplaceFiguresAsync(string id, string figures, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (document, eTag) = await _feedback.TryReadAsync<KeptReportDocument>(id, KeptReportDocument.Partition, cancellationToken);
            if (document is null || eTag is null
                || await _feedback.TryReplaceAsync(document with { Figures = figures }, id, KeptReportDocument.Partition, eTag, cancellationToken))
            {
                return;
            }
        }
    }

    /// <inheritdoc />
    public async Task<KeptReport?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var (document, _) = await _feedback.TryReadAsync<KeptReportDocument>(id, KeptReportDocument.Partition, cancellationToken);
        return document is not null && WireName<KeptReportKind>.TryParse(document.Kind, out var kind)
            ? new KeptReport(document.Id, kind, document.Title, document.GeneratedAt, document.GeneratedBy, document.Figures)
            : null;
    }
}

/// <summary>A kept report as Cosmos DB keeps it.</summary>
internal sealed record KeptReportDocument(string Id, string Kind, string Title, DateTimeOffset GeneratedAt, string GeneratedBy, string Figures)
{
    public const string Partition = "kept-reports";

    public string Pk { get; init; } = Partition;

    public string Type { get; init; } = "kept-report";
}

/// <summary>A kept report's listing: its document without the figures.</summary>
internal sealed record KeptReportListing(string Id, string Kind, string Title, DateTimeOffset GeneratedAt, string GeneratedBy);
