using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using QualityVoice.Content.Umbraco;

namespace QualityVoice.TestSupport;

/// <summary>
/// A loopback server answering as Umbraco's Content Delivery API v2 does (docs.umbraco.com, "Content Delivery API";
/// umbraco/Umbraco-CMS src/Umbraco.Cms.Api.Delivery): <c>GET content/item/{id}</c> and <c>content/item/{path}</c>
/// (404 with no body when missing), <c>GET content?fetch=descendants:…|children:…&amp;sort=sortOrder:asc&amp;skip&amp;take</c>
/// (<c>take</c> 10 unless asked; <c>{total, items}</c>; 400 problem details for a query it cannot read), items
/// <c>{id, name, contentType, createDate, updateDate, route: {path, startItem: {id, path}}, properties, cultures}</c>,
/// 401 without the right <c>Api-Key</c> when one is set. It can be made slow or broken, and its content edited.
/// </summary>
public sealed class UmbracoDeliveryServer : IAsyncDisposable
{
    private const string Api = "/umbraco/delivery/api/v2/";
    private readonly LoopbackServer _server;
    private readonly List<string> _queries = [];

    private UmbracoDeliveryServer(LoopbackServer server, List<UmbracoNode> nodes, string rootSegment, string? apiKey)
    {
        _server = server;
        Nodes = nodes;
        RootSegment = rootSegment;
        ApiKey = apiKey;
    }

    /// <summary>The site's address.</summary>
    public Uri Address => _server.Address;

    /// <summary>The published items, the start item first, in sort order; tests edit them as an editor would publish.</summary>
    public List<UmbracoNode> Nodes { get; }

    /// <summary>The start item's URL segment (what <c>Start-Item</c> may name).</summary>
    public string RootSegment { get; }

    /// <summary>The API key the site requires (none: public content).</summary>
    public string? ApiKey { get; }

    /// <summary>Answer 503 to everything, as a site being upgraded would.</summary>
    public bool Down { get; set; }

    /// <summary>Wait this long before answering.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Every request's path and query, in order.</summary>
    public IReadOnlyList<string> Queries
    {
        get
        {
            lock (_queries)
            {
                return [.. _queries];
            }
        }
    }

    /// <summary>Serves <paramref name="nodes"/> (the start item first), requiring <paramref name="apiKey"/> when given.</summary>
    public static async Task<UmbracoDeliveryServer> StartAsync(IEnumerable<UmbracoNode> nodes, string rootSegment = "strategy", string? apiKey = null)
    {
        UmbracoDeliveryServer? self = null;
        var list = nodes.ToList();
        var server = await LoopbackServer.StartAsync(app => app.MapGet(Api + "{**rest}", (HttpContext context) => self!.AnswerAsync(context)));
        self = new UmbracoDeliveryServer(server, list, rootSegment, apiKey);
        return self;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        lock (_queries)
        {
            _queries.Add(context.Request.Path + context.Request.QueryString);
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        if (Down)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (ApiKey is not null && context.Request.Headers["Api-Key"] != ApiKey)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var rest = context.Request.Path.Value![Api.Length..];
        if (rest.StartsWith("content/item", StringComparison.Ordinal))
        {
            var node = Find(rest["content/item".Length..].Trim('/'), context.Request.Headers["Start-Item"].ToString());
            if (node is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await context.Response.WriteAsJsonAsync(Item(node));
            return;
        }

        if (rest != "content")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var fetch = context.Request.Query["fetch"].ToString();
        var sort = context.Request.Query["sort"].ToString();
        var match = Regex.Match(fetch, "^(descendants|children):(.+)$");
        var target = match.Success ? Find(match.Groups[2].Value, match.Groups[2].Value) : null;
        if (target is null || (sort.Length > 0 && sort != "sortOrder:asc"))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { title = "Invalid query", status = 400, detail = $"The query '{fetch}' could not be handled." });
            return;
        }

        var below = Nodes.Where(node => node.Path != target.Path && node.Path.StartsWith(target.Path, StringComparison.Ordinal)
            && (match.Groups[1].Value == "descendants" || node.Path[target.Path.Length..].TrimEnd('/').IndexOf('/', StringComparison.Ordinal) < 0)).ToArray();
        var skip = int.TryParse(context.Request.Query["skip"], out var s) ? s : 0;
        var take = int.TryParse(context.Request.Query["take"], out var t) ? t : 10;
        await context.Response.WriteAsJsonAsync(new { total = below.Length, items = below.Skip(skip).Take(take).Select(Item).ToArray() });
    }

    private UmbracoNode? Find(string idOrPath, string startItem)
    {
        if (Guid.TryParse(idOrPath, out var id))
        {
            return Nodes.FirstOrDefault(node => node.Key == id);
        }

        // A path is below the start item named in Start-Item (its key or segment), or begins with its segment.
        var root = Nodes[0];
        var path = idOrPath == RootSegment || idOrPath == root.Key.ToString() ? string.Empty : idOrPath;
        if (startItem != RootSegment && startItem != root.Key.ToString() && path.StartsWith(RootSegment + "/", StringComparison.Ordinal))
        {
            path = path[(RootSegment.Length + 1)..];
        }

        var route = path.Length == 0 ? "/" : "/" + path.Trim('/') + "/";
        return Nodes.FirstOrDefault(node => node.Path == route);
    }

    private object Item(UmbracoNode node) => new
    {
        id = node.Key,
        name = node.Name,
        contentType = node.ContentType,
        createDate = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc),
        updateDate = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc),
        route = new { path = node.Path, startItem = new { id = Nodes[0].Key, path = RootSegment } },
        properties = node.Properties,
        cultures = new Dictionary<string, object>(),
    };
}
