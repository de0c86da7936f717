using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using global::Azure.Core;
using Polly;
using Polly.Retry;

namespace QualityVoice.Analysis.Azure;

/// <summary>
/// Calls Azure AI Language's synchronous <c>POST {endpoint}/language/:analyze-text</c> with one task and up to
/// the task's document limit, authenticating with the resource key or a Microsoft Entra token, and retrying
/// a 429 after the time its <c>Retry-After</c> header asks for (and a 5xx with backoff).
/// </summary>
public sealed class AzureLanguageClient
{
    private const string TokenScope = "https://cognitiveservices.azure.com/.default";

    private readonly HttpClient _http;
    private readonly AzureLanguageOptions _options;
    private readonly TokenCredential? _credential;
    private readonly ResiliencePipeline<HttpResponseMessage> _retries;

    /// <summary>Creates the client; <paramref name="credential"/> is used when there is no API key.</summary>
    public AzureLanguageClient(HttpClient http, AzureLanguageOptions options, TokenCredential? credential, TimeProvider time)
    {
        _http = http;
        _options = options;
        _credential = options.ApiKey is { Length: > 0 } ? null : credential ?? throw new ArgumentNullException(nameof(credential), "Without an API key, a token credential is needed.");
        _retries = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .HandleResult(response => response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500),
                DelayGenerator = arguments => ValueTask.FromResult(RetryAfter(arguments.Outcome.Result, time.GetUtcNow())),
                OnRetry = arguments =>
                {
                    arguments.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Runs one task over documents and returns each document's result by id, with the errors by id.</summary>
    public async Task<(IReadOnlyDictionary<string, JsonObject> Documents, IReadOnlyDictionary<string, string> Errors)> AnalyzeAsync(
        string kind,
        JsonObject parameters,
        IReadOnlyList<(string Id, string Text)> documents,
        CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["kind"] = kind,
            ["parameters"] = parameters,
            ["analysisInput"] = new JsonObject
            {
                ["documents"] = new JsonArray(documents
                    .Select(document => (JsonNode)new JsonObject { ["id"] = document.Id, ["language"] = _options.Language, ["text"] = document.Text })
                    .ToArray()),
            },
        };
        var uri = new Uri(new Uri(_options.Endpoint!.TrimEnd('/') + "/"), $"language/:analyze-text?api-version={Uri.EscapeDataString(_options.ApiVersion)}");
        using var response = await _retries.ExecuteAsync(
            async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(body) };
                await AuthenticateAsync(request, token);
                return await _http.SendAsync(request, token);
            },
            cancellationToken);

        if (!response.IsSuccessStatusCode)
        {
            throw new AzureLanguageException(await DescribeErrorAsync(response, cancellationToken));
        }

        var results = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))?["results"]
            ?? throw new AzureLanguageException("The response has no results.");
        var byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var document in results["documents"]?.AsArray() ?? [])
        {
            if (document is JsonObject result && result["id"]?.GetValue<string>() is { } id)
            {
                byId[id] = result;
            }
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var error in results["errors"]?.AsArray() ?? [])
        {
            if (error?["id"]?.GetValue<string>() is { } id)
            {
                errors[id] = error["error"]?["code"]?.GetValue<string>() ?? "error";
            }
        }

        return (byId, errors);
    }

    private async Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_credential is null)
        {
            request.Headers.Add("Ocp-Apim-Subscription-Key", _options.ApiKey);
            return;
        }

        var token = await _credential.GetTokenAsync(new TokenRequestContext([TokenScope]), cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
    }

    // The service says how long to wait on a 429; otherwise Polly's exponential backoff applies.
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now) =>
        response?.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
            _ => null,
        };

    private static async Task<string> DescribeErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))?["error"];
            return $"Azure AI Language answered {(int)response.StatusCode}: {error?["code"]} {error?["message"]}";
        }
        catch (JsonException)
        {
            return $"Azure AI Language answered {(int)response.StatusCode}.";
        }
    }
}
