using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// Services' escalation levels in the feedback container, one document a change, in a partition of their own
/// (<c>service-escalations</c>): a few changes a year for each service.
/// </summary>
public sealed class CosmosServiceEscalations(CosmosContainers containers) : IServiceEscalations
{
    private readonly Container _feedback = containers.Feedback;

    /// <inheritdoc />
    public async Task AddAsync(ServiceEscalation escalation, CancellationToken cancellationToken)
    {
        var document = new ServiceEscalationDocument(
            Guid.NewGuid().ToString("N"), escalation.ServiceId, WireName<EscalationLevel>.Of(escalation.Level), escalation.Reason, escalation.SetBy, escalation.SetAt);
        await _feedback.TryCreateAsync(document, ServiceEscalationDocument.Partition, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ServiceEscalation>> HistoryAsync(string serviceId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'service-escalation' AND c.serviceId = @service")
            .WithParameter("@service", serviceId);
        var history = new List<ServiceEscalation>();
        await foreach (var document in _feedback.QueryAsync<ServiceEscalationDocument>(query, ServiceEscalationDocument.Partition, cancellationToken))
        {
            if (WireName<EscalationLevel>.TryParse(document.Level, out var level))
            {
                history.Add(new ServiceEscalation(document.ServiceId, level, document.Reason, document.SetBy, document.SetAt));
            }
        }

        return [.. history.OrderByDescending(escalation => escalation.SetAt)];
    }
}

/// <summary>A service's escalation as Cosmos DB keeps it.</summary>
internal sealed record ServiceEscalationDocument(string Id, string ServiceId, string Level, string Reason, string SetBy, DateTimeOffset SetAt)
{
    public const string Partition = "service-escalations";

    public string Pk { get; init; } = Partition;

    public string Type { get; init; } = "service-escalation";
}
