using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Operations;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// Records the request units Cosmos DB charged for every request the client makes, by operation (read, create,
/// query…), resource and container, so that the cost of each feature is measured where it is paid.
/// </summary>
internal sealed class CosmosRequestCharge : RequestHandler
{
    /// <inheritdoc />
    public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var charge = response.Headers.RequestCharge;
        if (charge > 0)
        {
            var (container, resource) = Address(request.RequestUri);
            QualityVoiceTelemetry.CosmosRequestCharge.Record(
                charge,
                new KeyValuePair<string, object?>("operation", OperationOf(request)),
                new KeyValuePair<string, object?>("resource", resource),
                new KeyValuePair<string, object?>("container", container));
        }

        return response;
    }

    /// <summary>What kind of request it was, from its method and headers (the SDK's own operation type is internal).</summary>
    private static string OperationOf(RequestMessage request) => request.Method.Method switch
    {
        "GET" => "read",
        "POST" when request.Headers["x-ms-documentdb-isquery"] is "True" or "true" => "query",
        "POST" when request.Headers["x-ms-documentdb-is-upsert"] is "True" or "true" => "upsert",
        "POST" => "create",
        "PUT" => "replace",
        "PATCH" => "patch",
        "DELETE" => "delete",
        var other => other.ToLowerInvariant(),
    };

    /// <summary>
    /// The container's name and the kind of resource from a request address such as <c>dbs/qv/colls/feedback/docs/QV-…</c>:
    /// never a document's id.
    /// </summary>
    private static (string Container, string Resource) Address(Uri? address)
    {
        var segments = (address?.OriginalString ?? string.Empty).Split('?')[0].Trim('/').Split('/');
        var colls = Array.IndexOf(segments, "colls");
        var container = colls >= 0 && colls + 1 < segments.Length ? segments[colls + 1] : "none";
        var resource = segments.LastOrDefault(segment => segment is "dbs" or "colls" or "docs" or "pkranges" or "offers") ?? "account";
        return (container, resource);
    }
}
