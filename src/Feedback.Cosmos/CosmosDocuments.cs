using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// Reads and writes documents as the stores need them: absent documents and lost races are values, not
/// exceptions, and every query names its partition (cross-partition queries are never made).
/// </summary>
internal static class CosmosDocuments
{
    /// <summary>Reads a document, or null (with no ETag) when there is none.</summary>
    public static async Task<(T? Document, string? ETag)> TryReadAsync<T>(this Container container, string id, string partition, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await container.ReadItemStreamAsync(id, new PartitionKey(partition), cancellationToken: cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return (null, null);
        }

        response.EnsureSuccessStatusCode();
        var document = await JsonSerializer.DeserializeAsync<T>(response.Content, CosmosContainers.Json, cancellationToken);
        return (document, response.Headers.ETag);
    }

    /// <summary>Creates a document; false when one with its id is already in the partition.</summary>
    public static async Task<bool> TryCreateAsync<T>(this Container container, T document, string partition, CancellationToken cancellationToken)
    {
        using var response = await container.CreateItemStreamAsync(Serialise(document), new PartitionKey(partition), cancellationToken: cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>Replaces a document if it is still the version read (its ETag); false when another writer got there first.</summary>
    public static async Task<bool> TryReplaceAsync<T>(this Container container, T document, string id, string partition, string eTag, CancellationToken cancellationToken)
    {
        using var response = await container.ReplaceItemStreamAsync(
            Serialise(document), id, new PartitionKey(partition), new ItemRequestOptions { IfMatchEtag = eTag }, cancellationToken);
        if (response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>Deletes a document; nothing happens when it is not there.</summary>
    public static async Task DeleteIfPresentAsync(this Container container, string id, string partition, CancellationToken cancellationToken)
    {
        using var response = await container.DeleteItemStreamAsync(id, new PartitionKey(partition), cancellationToken: cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// Runs a query within one partition and streams its results. The query names its partition twice: in the
    /// request options, which scope it, and as <c>c.pk = @pk</c> in its text, so that it reads one partition even
    /// where the options are not honoured (the protocol peer the tests use requires this).
    /// </summary>
    public static async IAsyncEnumerable<T> QueryAsync<T>(
        this Container container, QueryDefinition query, string partition, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!query.QueryText.Contains("c.pk = @pk", StringComparison.Ordinal))
        {
            throw new ArgumentException("A query filters on its partition: c.pk = @pk.", nameof(query));
        }

        query = query.WithParameter("@pk", partition);
        var options = new QueryRequestOptions { PartitionKey = new PartitionKey(partition), EnableOptimisticDirectExecution = true };
        using var iterator = container.GetItemQueryIterator<T>(query, requestOptions: options);
        while (iterator.HasMoreResults)
        {
            foreach (var item in await iterator.ReadNextAsync(cancellationToken))
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// Every feedback item of a month, in arrival order, read a keyset page at a time (each page a single-partition
    /// <c>TOP … ORDER BY c.sortKey</c> query after the last sort key read, as the protocol peer can serve).
    /// </summary>
    public static async IAsyncEnumerable<FeedbackDocument> EveryItemOfMonthAsync(
        this Container feedback, string month, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int PageSize = 500;
        var after = string.Empty;
        while (true)
        {
            var query = new QueryDefinition("SELECT TOP @size * FROM c WHERE c.pk = @pk AND c.type = @type AND c.sortKey > @after ORDER BY c.sortKey")
                .WithParameter("@size", PageSize)
                .WithParameter("@type", FeedbackDocument.TypeName)
                .WithParameter("@after", after);
            var page = 0;
            await foreach (var item in feedback.QueryAsync<FeedbackDocument>(query, month, cancellationToken))
            {
                page++;
                after = item.SortKey;
                yield return item;
            }

            if (page < PageSize)
            {
                yield break;
            }
        }
    }

    private static MemoryStream Serialise<T>(T document) => new(JsonSerializer.SerializeToUtf8Bytes(document, CosmosContainers.Json));
}
