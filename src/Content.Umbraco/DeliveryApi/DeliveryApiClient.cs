using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using QualityVoice.Content.Umbraco.Hosting;

namespace QualityVoice.Content.Umbraco.DeliveryApi;

/// <summary>
/// Reads published content from an Umbraco site's Content Delivery API (v2,
/// <c>/umbraco/delivery/api/v2/</c>): an item by id or path, and queries paged through their <c>total</c>
/// (the API gives 10 at a time unless asked). Sends <c>Api-Key</c>, <c>Start-Item</c> and <c>Accept-Language</c> as
/// configured. Every failure is an <see cref="UmbracoUnavailableException"/> saying what went wrong in words a
/// web team can act on.
/// </summary>
public sealed class DeliveryApiClient(HttpClient http, IOptions<UmbracoOptions> options)
{
    /// <summary>How many items each query page asks for.</summary>
    public const int PageSize = 100;

    private UmbracoOptions Options => options.Value;

    /// <summary>
    /// The item with the key <paramref name="idOrPath"/> (a GUID), or at the route path (<c>/</c> is the start item
    /// itself); null when there is none.
    /// </summary>
    public async Task<DeliveryItem?> GetItemAsync(string idOrPath, CancellationToken cancellationToken)
    {
        var path = Guid.TryParse(idOrPath, out var id)
            ? $"content/item/{id:D}"
            : "content/item/" + string.Join('/', idOrPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
        using var response = await SendAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadAsync<DeliveryItem>(response, path, cancellationToken);
    }

    /// <summary>
    /// Every item a query finds, in the order asked for: <c>GET content?fetch=…&amp;filter=…&amp;sort=…</c>, page by
    /// page until <c>total</c> is reached.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryItem>> QueryAllAsync(string fetch, string? sort, CancellationToken cancellationToken)
    {
        var items = new List<DeliveryItem>();
        long total;
        do
        {
            var query = $"content?fetch={Uri.EscapeDataString(fetch)}"
                + (sort is null ? string.Empty : $"&sort={Uri.EscapeDataString(sort)}")
                + string.Create(CultureInfo.InvariantCulture, $"&skip={items.Count}&take={PageSize}");
            using var response = await SendAsync(query, cancellationToken);
            var page = await ReadAsync<DeliveryPage>(response, query, cancellationToken);
            total = page.Total;
            if (page.Items.Count == 0)
            {
                break;
            }

            items.AddRange(page.Items);
        }
        while (items.Count < total);

        return items;
    }

    private async Task<HttpResponseMessage> SendAsync(string relative, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Options.DeliveryApi, relative));
        if (Options.ApiKey is { Length: > 0 } key)
        {
            request.Headers.Add("Api-Key", key);
        }

        request.Headers.Add("Start-Item", Options.StartItem);
        if (Options.Culture is { Length: > 0 } culture)
        {
            request.Headers.Add("Accept-Language", culture);
        }

        if (Options.Preview)
        {
            request.Headers.Add("Preview", "true");
        }

        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                response.Dispose();
                throw new UmbracoUnavailableException(
                    $"Umbraco refused the API key ({(int)response.StatusCode}): check Content:Umbraco:ApiKey against the Delivery API's key in Umbraco's settings.");
            }

            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                var problem = await response.Content.ReadAsStringAsync(cancellationToken);
                response.Dispose();
                throw new UmbracoUnavailableException($"Umbraco refused the query {relative} (400): {ProblemTitle(problem)}");
            }

            if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
            {
                response.Dispose();
                throw new UmbracoUnavailableException($"Umbraco answered {(int)response.StatusCode} for {relative}.");
            }

            return response;
        }
        catch (HttpRequestException exception)
        {
            throw new UmbracoUnavailableException($"Umbraco could not be reached at {Options.BaseUrl} ({exception.HttpRequestError}).", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UmbracoUnavailableException($"Umbraco did not answer {relative} within {http.Timeout.TotalSeconds:0} s.", exception);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string relative, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await response.Content.ReadFromJsonAsync<T>(DeliveryJson.Options, cancellationToken)
                ?? throw new UmbracoUnavailableException($"Umbraco answered {relative} with no content.");
            IReadOnlyList<DeliveryItem> items = answer switch
            {
                DeliveryItem item => [item],
                DeliveryPage page => page.Items ?? [],
                _ => [],
            };
            if (answer is DeliveryPage { Items: null } || items.Any(item => item is null || item.Route is null || item.ContentType is null || item.Route.Path is null))
            {
                throw new UmbracoUnavailableException($"Umbraco's answer to {relative} has an item without the Delivery API's id, contentType or route.");
            }

            return answer;
        }
        catch (JsonException exception)
        {
            throw new UmbracoUnavailableException($"Umbraco's answer to {relative} is not the Delivery API's JSON ({exception.Message}).", exception);
        }
    }

    private static string ProblemTitle(string problem)
    {
        try
        {
            using var document = JsonDocument.Parse(problem);
            return document.RootElement.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
                ? title.GetString()!
                : "no reason given";
        }
        catch (JsonException)
        {
            return "no reason given";
        }
    }
}

/// <summary>Umbraco could not give the content: unreachable, slow, a refused key or query, or an answer not in its shape.</summary>
public sealed class UmbracoUnavailableException : Exception
{
    /// <summary>Says what went wrong.</summary>
    public UmbracoUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Says what went wrong and why.</summary>
    public UmbracoUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Says that something went wrong.</summary>
    public UmbracoUnavailableException()
    {
    }
}
