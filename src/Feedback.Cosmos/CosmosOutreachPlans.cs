using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>Outreach plans in the feedback container, in a partition of their own (<c>outreach</c>): a few a year.</summary>
public sealed class CosmosOutreachPlans(CosmosContainers containers) : IOutreachPlans
{
    private readonly Container _feedback = containers.Feedback;

    /// <inheritdoc />
    public Task AddAsync(OutreachPlan plan, CancellationToken cancellationToken) =>
        _feedback.TryCreateAsync(
            new OutreachDocument(plan.Id, plan.Group, plan.What, plan.StartsOn, plan.RecordedBy, plan.RecordedAt), OutreachDocument.Partition, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutreachPlan>> ListAsync(CancellationToken cancellationToken)
    {
        var plans = new List<OutreachPlan>();
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'outreach'");
        await foreach (var document in _feedback.QueryAsync<OutreachDocument>(query, OutreachDocument.Partition, cancellationToken))
        {
            plans.Add(new OutreachPlan(document.Id, document.Group, document.What, document.StartsOn, document.RecordedBy, document.RecordedAt));
        }

        return [.. plans.OrderByDescending(plan => plan.StartsOn).ThenByDescending(plan => plan.RecordedAt)];
    }
}

/// <summary>An outreach plan as Cosmos DB keeps it.</summary>
internal sealed record OutreachDocument(string Id, string Group, string What, DateOnly StartsOn, string RecordedBy, DateTimeOffset RecordedAt)
{
    public const string Partition = "outreach";

    public string Pk { get; init; } = Partition;

    public string Type { get; init; } = "outreach";
}
