using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using QualityVoice.Analysis.Azure;
using QualityVoice.Analysis.Local;
using QualityVoice.Analysis.Pii;
using QualityVoice.TestSupport;

namespace QualityVoice.Analysis.Tests.Azure;

/// <summary>
/// The Azure AI Language analyzer against a loopback server that answers <c>POST /language/:analyze-text</c>
/// in the documented JSON shapes (SentimentAnalysisResults, KeyPhraseExtractionResults,
/// PiiEntityRecognitionResults, and the error body), including a 429 with Retry-After.
/// </summary>
public sealed class AzureLanguageAnalyzerTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Kind, int Documents, string? Key, string? ApiVersion, JsonObject Body)> _requests = new();
    private int _throttleNext;
    private LoopbackServer _service = null!;

    public async Task InitializeAsync() => _service = await LoopbackServer.StartAsync(endpoints =>
        endpoints.MapPost("/language/:analyze-text", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var kind = body["kind"]!.GetValue<string>();
            var documents = body["analysisInput"]!["documents"]!.AsArray();
            _requests.Enqueue((kind, documents.Count, context.Request.Headers["Ocp-Apim-Subscription-Key"], context.Request.Query["api-version"], body));
            if (Interlocked.Exchange(ref _throttleNext, 0) == 1)
            {
                context.Response.Headers.RetryAfter = "0";
                return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "429", ["message"] = "Rate limit is exceeded." } }, statusCode: 429);
            }

            var max = kind == "PiiEntityRecognition" ? 5 : 10;
            if (documents.Count > max)
            {
                return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "InvalidArgument", ["message"] = $"Batch request contains too many records. Max {max} records are permitted." } }, statusCode: 400);
            }

            var results = documents.Select(document => Answer(kind, document!["id"]!.GetValue<string>(), document["text"]!.GetValue<string>())).ToArray();
            return Results.Json(new JsonObject
            {
                ["kind"] = kind + "Results",
                ["results"] = new JsonObject
                {
                    ["documents"] = new JsonArray(results.Where(result => result is not null).ToArray()),
                    ["errors"] = new JsonArray(documents
                        .Where(document => document!["text"]!.GetValue<string>().Contains("UNSUPPORTED", StringComparison.Ordinal))
                        .Select(document => (JsonNode)new JsonObject { ["id"] = document!["id"]!.GetValue<string>(), ["error"] = new JsonObject { ["code"] = "InvalidArgument", ["message"] = "Invalid document in request." } })
                        .ToArray()),
                    ["modelVersion"] = "2023-04-15",
                },
            });
        }));

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Sentiment_and_key_phrases_come_from_azure_and_themes_from_the_local_model()
    {
        var results = await Analyzer().AnalyzeAsync([new TextToAnalyse("The staff were lovely and kind.")], CancellationToken.None);

        var result = Assert.Single(results);
        Assert.Equal(Sentiment.Positive, result.Sentiment);
        Assert.Equal(0.98, result.SentimentScore, 3);
        Assert.Equal(["staff", "lovely"], result.KeyPhrases!);
        Assert.NotEmpty(result.Themes);
        Assert.All(_requests, request => Assert.Equal("test-key", request.Key));
        Assert.All(_requests, request => Assert.Equal("2023-04-01", request.ApiVersion));
        Assert.Contains(_requests, request => request.Kind == "SentimentAnalysis" && request.Body["parameters"]!["opinionMining"]!.GetValue<bool>());
        Assert.Contains(_requests, request => request.Kind == "PiiEntityRecognition"
            && request.Body["parameters"]!["piiCategories"]!.AsArray().Any(category => category!.GetValue<string>() == "UKNationalHealthNumber"));
    }

    [Fact]
    public async Task Azure_pii_and_the_local_rules_are_merged_into_one_redaction()
    {
        var results = await Analyzer().AnalyzeAsync([new TextToAnalyse("John Doe, NHS 943 476 5919, phone 07700 900123")], CancellationToken.None);

        var result = Assert.Single(results);
        Assert.Equal("[name], NHS [NHS number], phone [phone number]", result.RedactedText);
        Assert.Contains(result.Pii, span => span.Type == PiiTypes.Name && span.Start == 0 && span.Length == 8);
    }

    [Fact]
    public async Task Requests_keep_to_ten_documents_for_sentiment_and_five_for_pii()
    {
        var texts = Enumerable.Range(0, 23).Select(i => new TextToAnalyse($"Comment number {i} was fine.")).ToArray();

        var results = await Analyzer().AnalyzeAsync(texts, CancellationToken.None);

        Assert.Equal(23, results.Count);
        Assert.All(_requests.Where(request => request.Kind == "SentimentAnalysis"), request => Assert.True(request.Documents <= 10));
        Assert.All(_requests.Where(request => request.Kind == "PiiEntityRecognition"), request => Assert.True(request.Documents <= 5));
        Assert.Equal(5, _requests.Count(request => request.Kind == "PiiEntityRecognition"));
    }

    [Fact]
    public async Task A_text_over_5120_characters_is_split_and_its_results_merged()
    {
        var first = string.Concat(Enumerable.Repeat("The care was lovely. ", 300));
        var second = string.Concat(Enumerable.Repeat("The wait was bad. ", 200)) + "Call 07700 900123.";
        var text = first + second;

        var result = Assert.Single(await Analyzer().AnalyzeAsync([new TextToAnalyse(text)], CancellationToken.None));

        Assert.All(_requests, request => Assert.All(request.Body["analysisInput"]!["documents"]!.AsArray(), document => Assert.True(document!["text"]!.GetValue<string>().Length <= 5120)));
        Assert.True(_requests.First(request => request.Kind == "SentimentAnalysis").Documents > 1);
        Assert.Equal(Sentiment.Mixed, result.Sentiment);
        Assert.EndsWith("Call [phone number].", result.RedactedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_time_retry_after_asks_for()
    {
        _throttleNext = 1;

        var results = await Analyzer().AnalyzeAsync([new TextToAnalyse("Fine.")], CancellationToken.None);

        Assert.Single(results);
        Assert.True(_requests.Count(request => request.Kind == "SentimentAnalysis") == 2);
    }

    [Fact]
    public void Retry_after_is_read_as_seconds_or_as_a_date()
    {
        var now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        using var date = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        date.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(7), AzureLanguageClient.RetryAfter(seconds, now));
        Assert.Equal(TimeSpan.FromSeconds(30), AzureLanguageClient.RetryAfter(date, now));
    }

    [Fact]
    public async Task A_document_the_service_refuses_falls_back_to_the_local_sentiment()
    {
        var result = Assert.Single(await Analyzer().AnalyzeAsync([new TextToAnalyse("UNSUPPORTED text")], CancellationToken.None));

        Assert.Equal("UNSUPPORTED text", result.RedactedText);
    }

    private AzureLanguageAnalyzer Analyzer()
    {
        var options = new AzureLanguageOptions { Endpoint = _service.Address.ToString(), ApiKey = "test-key", MaxRetries = 2 };
        return new AzureLanguageAnalyzer(new AzureLanguageClient(new HttpClient(), options, null, TimeProvider.System), LocalModel.Shipped);
    }

    private static JsonObject? Answer(string kind, string id, string text)
    {
        if (text.Contains("UNSUPPORTED", StringComparison.Ordinal))
        {
            return null;
        }

        switch (kind)
        {
            case "SentimentAnalysis":
                var negative = text.Contains("bad", StringComparison.Ordinal);
                var scores = new JsonObject { ["positive"] = negative ? 0.01 : 0.99, ["neutral"] = 0.0, ["negative"] = negative ? 0.99 : 0.01 };
                return new JsonObject
                {
                    ["id"] = id,
                    ["sentiment"] = negative ? "negative" : "positive",
                    ["confidenceScores"] = scores,
                    ["sentences"] = new JsonArray(new JsonObject
                    {
                        ["sentiment"] = negative ? "negative" : "positive",
                        ["confidenceScores"] = scores.DeepClone(),
                        ["offset"] = 0,
                        ["length"] = text.Length,
                        ["text"] = text,
                        ["targets"] = new JsonArray(),
                        ["assessments"] = new JsonArray(),
                    }),
                    ["warnings"] = new JsonArray(),
                };
            case "KeyPhraseExtraction":
                return new JsonObject { ["id"] = id, ["keyPhrases"] = new JsonArray("staff", "lovely"), ["warnings"] = new JsonArray() };
            default:
                // Azure finds the person, not the UK mobile number (its phone recognition is US and EU formats).
                var entities = new JsonArray();
                var at = text.IndexOf("John Doe", StringComparison.Ordinal);
                if (at >= 0)
                {
                    entities.Add(new JsonObject { ["text"] = "John Doe", ["category"] = "Person", ["offset"] = at, ["length"] = 8, ["confidenceScore"] = 0.98 });
                }

                return new JsonObject { ["redactedText"] = text, ["id"] = id, ["entities"] = entities, ["warnings"] = new JsonArray() };
        }
    }
}
