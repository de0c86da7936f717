using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Integrations;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// API clients in the feedback container, one document each in a partition of their own (<c>api-clients</c>): a
/// handful of documents, read whole. Creating a client's document is what makes its name unique.
/// </summary>
public sealed class CosmosApiClientStore(CosmosContainers containers) : IApiClientStore
{
    private readonly Container _feedback = containers.Feedback;

    /// <inheritdoc />
    public Task<bool> AddAsync(ApiClient client, CancellationToken cancellationToken) =>
        _feedback.TryCreateAsync(ApiClientDocument.From(client), ApiClientDocument.Partition, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken)
    {
        var clients = new List<ApiClient>();
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'api-client'");
        await foreach (var document in _feedback.QueryAsync<ApiClientDocument>(query, ApiClientDocument.Partition, cancellationToken))
        {
            clients.Add(document.ToClient());
        }

        return clients.OrderBy(client => client.Name, StringComparer.Ordinal).ToArray();
    }

    /// <inheritdoc />
    public async Task<bool> SaveRevocationAsync(ApiClient revoked, CancellationToken cancellationToken)
    {
        var id = ApiClientDocument.IdOf(revoked.Name);
        var (stored, eTag) = await _feedback.TryReadAsync<ApiClientDocument>(id, ApiClientDocument.Partition, cancellationToken);
        return stored is { RevokedAt: null } && eTag is not null
            && await _feedback.TryReplaceAsync(stored with { RevokedAt = revoked.RevokedAt, RevokedBy = revoked.RevokedBy }, id, ApiClientDocument.Partition, eTag, cancellationToken);
    }
}

/// <summary>An API client as Cosmos DB keeps it.</summary>
internal sealed record ApiClientDocument(
    string Id, string Name, byte[] KeyHash, string KeyHint, int? RequestsPerSecond, DateTimeOffset IssuedAt, string IssuedBy, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public const string Partition = "api-clients";

    public string Pk { get; init; } = Partition;

    public string Type { get; init; } = "api-client";

    // Names may hold spaces and dots, which ids allow; the id is the name lower-cased, so "Acme" and "acme" are one.
    public static string IdOf(string name) => name.ToLowerInvariant();

    public static ApiClientDocument From(ApiClient client) => new(
        IdOf(client.Name), client.Name, client.KeyHash, client.KeyHint, client.RequestsPerSecond, client.IssuedAt, client.IssuedBy, client.RevokedAt, client.RevokedBy);

    public ApiClient ToClient() => new(Name, KeyHash, KeyHint, RequestsPerSecond, IssuedAt, IssuedBy, RevokedAt, RevokedBy);
}
