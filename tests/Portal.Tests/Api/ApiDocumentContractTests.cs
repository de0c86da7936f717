using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback.Integrations;
using QualityVoice.Portal.Features.Api;

namespace QualityVoice.Portal.Tests.Api;

/// <summary>A portal whose intake gives up on a held write lock quickly, so that the 503 the document promises is produced.</summary>
public sealed class ApiContractPortal : PortalFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Feedback:IntakeLockWait"] = "00:00:00.300",
    };
}

/// <summary>
/// The running API and its OpenAPI document agree: every status code the document lists is produced by a real request
/// here, with the body and headers it describes, and every field it describes is accepted, checked and required as
/// it says.
/// </summary>
public sealed class ApiDocumentContractTests(ApiContractPortal portal) : IClassFixture<ApiContractPortal>
{
    private const string Valid = """{"kind":"patient","service":"rx6-pts","fftRating":"good"}""";

    [Fact]
    public async Task Every_documented_status_is_produced_by_a_real_request_with_the_documented_body_and_headers()
    {
        using var document = await DocumentAsync();
        var operation = document.RootElement.GetProperty("paths").GetProperty("/api/v1/feedback").GetProperty("post");
        var documented = operation.GetProperty("responses").EnumerateObject().Select(response => response.Name).ToHashSet();

        var produced = new Dictionary<string, HttpResponseMessage>
        {
            ["201"] = await PostAsync(Valid, key: "contract-201"),
            ["400"] = await PostAsync("""{"kind":"patient","fftRating":"good"}"""),
            ["401"] = await PostAsync(Valid, apiKey: "qv_NOTAKEYTHISPORTALKNOWS"),
            ["403"] = await PostAsync(Valid, apiKey: null),
            ["413"] = await PostAsync($$"""{"kind":"patient","service":"rx6-pts","fftRating":"good","whatWasGood":"{{new string('x', FeedbackApi.MaxBodyBytes)}}"}"""),
            ["415"] = await PostAsync(Valid, contentType: "text/plain"),
            ["422"] = await PostAsync(Valid.Replace("good", "poor", StringComparison.Ordinal), key: "contract-201"),
            ["429"] = await RateLimitedAsync(),
            ["503"] = await WhileTheWriteLockIsHeldAsync(),
        };

        Assert.Equal(documented.Order(), produced.Keys.Order());
        foreach (var (status, response) in produced)
        {
            Assert.Equal(status, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var content = operation.GetProperty("responses").GetProperty(status).GetProperty("content");
            var mediaType = content.EnumerateObject().Single().Name;
            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var schema = Resolve(document, content.GetProperty(mediaType).GetProperty("schema"));
            foreach (var required in schema.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(name => name.GetString()!) : [])
            {
                Assert.True(body.RootElement.TryGetProperty(required, out _), $"{status} lacks '{required}'");
            }

            if (mediaType == "application/problem+json")
            {
                Assert.Equal((int)response.StatusCode, body.RootElement.GetProperty("status").GetInt32());
                Assert.False(string.IsNullOrWhiteSpace(body.RootElement.GetProperty("detail").GetString()));
            }

            var headers = operation.GetProperty("responses").GetProperty(status).TryGetProperty("headers", out var described)
                ? described.EnumerateObject().Select(header => header.Name).ToArray()
                : [];
            foreach (var header in headers.Where(header => header != "Idempotent-Replayed"))
            {
                Assert.True(response.Headers.Contains(header), $"{status} lacks the {header} header");
            }
        }

        using var replay = await PostAsync(Valid, key: "contract-201");
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        foreach (var response in produced.Values)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Every_documented_field_is_the_api_s_and_its_rules_are_the_api_s()
    {
        using var document = await DocumentAsync();
        var schema = Resolve(document, document.RootElement.GetProperty("paths").GetProperty("/api/v1/feedback").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        var properties = schema.GetProperty("properties").EnumerateObject().Select(property => property.Name).ToArray();
        var required = schema.GetProperty("required").EnumerateArray().Select(name => name.GetString()!).ToArray();

        Assert.Equal(FeedbackRequestReader.Fields.Order(), properties.Order());

        // Each required field, left out, is named in a 400; each optional one, given, is stored.
        foreach (var field in required)
        {
            var without = JsonSerializer.Serialize(JsonSerializer.Deserialize<Dictionary<string, string>>(Valid)!.Where(pair => pair.Key != field).ToDictionary());
            using var refused = await PostAsync(without);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains($"\"{field}\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var everything = await PostAsync("""
            {"kind":"carer","service":"other","serviceName":"Corner pharmacy","fftRating":"neither","whatWasGood":"Kind","whatCouldImprove":"Quicker",
             "month":"2026-10","contactEmail":"pat@example.com","consentToContact":true,"collectionMode":"sms"}
            """);
        Assert.Equal(HttpStatusCode.Created, everything.StatusCode);

        // Each documented limit is the API's: one character more is refused, naming the field.
        foreach (var property in schema.GetProperty("properties").EnumerateObject().Where(property => property.Value.TryGetProperty("maxLength", out _)))
        {
            var tooLong = new string('a', property.Value.GetProperty("maxLength").GetInt32() + 1);
            var body = property.Name == "serviceName"
                ? $$"""{"kind":"patient","service":"other","fftRating":"good","serviceName":"{{tooLong}}"}"""
                : property.Name == "contactEmail"
                    ? $$"""{"kind":"patient","service":"rx6-pts","fftRating":"good","consentToContact":true,"contactEmail":"{{tooLong}}@example.com"}"""
                    : $$"""{"kind":"patient","service":"rx6-pts","fftRating":"good","{{property.Name}}":"{{tooLong}}"}""";
            using var refused = await PostAsync(body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains($"\"{property.Name}\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Every value each enumeration lists is accepted.
        foreach (var field in new[] { "kind", "fftRating", "collectionMode" })
        {
            var values = EnumerationOf(document, schema.GetProperty("properties").GetProperty(field)).ToArray();
            Assert.True(values.Length >= 3, $"{field} lists {values.Length} values");
            foreach (var value in values)
            {
                var body = JsonSerializer.Serialize(new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(Valid)!) { [field] = value.GetString()! });
                using var accepted = await PostAsync(body);
                Assert.True(accepted.StatusCode == HttpStatusCode.Created, $"{field}: {value} gave {accepted.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task The_document_describes_the_key_the_rate_limits_and_the_idempotency_rules()
    {
        using var document = await DocumentAsync();
        var root = document.RootElement;

        Assert.Equal("3.1.1", root.GetProperty("openapi").GetString());
        Assert.Equal("X-Api-Key", root.GetProperty("components").GetProperty("securitySchemes").GetProperty(ApiDocument.ApiKeyScheme).GetProperty("name").GetString());
        var description = root.GetProperty("info").GetProperty("description").GetString()!;
        Assert.Contains("./qv api-clients add", description, StringComparison.Ordinal);
        Assert.Contains("2,000 requests a second", description, StringComparison.Ordinal);
        Assert.Contains("30 requests a minute", description, StringComparison.Ordinal);
        Assert.Contains("Idempotency-Key", description, StringComparison.Ordinal);
        var parameters = root.GetProperty("paths").GetProperty("/api/v1/feedback").GetProperty("post").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["Idempotency-Key", FeedbackApi.BotCheckHeader], parameters);
        Assert.Equal(["/api/v1/feedback"], root.GetProperty("paths").EnumerateObject().Select(path => path.Name));
    }

    [Fact]
    public async Task The_reference_page_for_developers_is_made_from_the_document()
    {
        var html = await portal.CreateClient().GetStringAsync("/developers/api");

        foreach (var field in FeedbackRequestReader.Fields)
        {
            Assert.Contains($"<code>{field}</code>", html, StringComparison.Ordinal);
        }

        foreach (var (status, meaning) in ApiDocument.Responses)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(meaning).Replace("&#39;", "&#x27;", StringComparison.Ordinal)[..20], html, StringComparison.Ordinal);
            Assert.Contains($"</span>{status}</td>", html, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"/openapi/v1.json\"", html, StringComparison.Ordinal);
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        using var response = await portal.CreateClient().GetAsync(ApiDocument.Path);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static JsonElement Resolve(JsonDocument document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    // An enumeration inline, behind a reference, or as the non-null choice of a nullable property.
    private static IEnumerable<JsonElement> EnumerationOf(JsonDocument document, JsonElement property)
    {
        var resolved = Resolve(document, property);
        if (resolved.TryGetProperty("enum", out var values))
        {
            return values.EnumerateArray().Where(value => value.ValueKind == JsonValueKind.String).ToArray();
        }

        return resolved.GetProperty("oneOf").EnumerateArray().SelectMany(choice => choice.TryGetProperty("type", out var type) && type.GetString() == "null" ? [] : EnumerationOf(document, choice)).ToArray();
    }

    private async Task<HttpResponseMessage> RateLimitedAsync()
    {
        var issued = await portal.Services.GetRequiredService<ApiClientRegistry>().IssueAsync($"contract-{Guid.NewGuid():N}", 1, "test", CancellationToken.None);
        await portal.Services.GetRequiredService<ApiClients>().RefreshAsync(CancellationToken.None);
        for (var i = 0; ; i++)
        {
            var response = await PostAsync(Valid, key: $"rate-{i}", apiKey: issued.Key);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            response.Dispose();
        }
    }

    private async Task<HttpResponseMessage> WhileTheWriteLockIsHeldAsync()
    {
        await using var holder = new SqliteConnection($"Data Source={Path.Combine(portal.DataDirectory, "feedback.db")};Pooling=False");
        await holder.OpenAsync();
        await using var begin = holder.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        await begin.ExecuteNonQueryAsync();
        try
        {
            return await PostAsync(Valid, key: "contract-503");
        }
        finally
        {
            await using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? key = null, string? apiKey = PortalFactory.ApiKey, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        if (apiKey is not null)
        {
            request.Headers.Add(ApiClients.Header, apiKey);
        }

        return await portal.CreateClient().SendAsync(request);
    }
}
