using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Integrations;
using QualityVoice.Feedback.Storage;
using QualityVoice.Portal.Features.Api;

namespace QualityVoice.Portal.Tests.Api;

public sealed class FeedbackApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Valid = """
        {"kind":"patient","service":"rx6-pts","fftRating":"good","whatWasGood":"The driver was kind","whatCouldImprove":"Pick-up was late","month":"2026-10"}
        """;

    [Fact]
    public async Task Valid_feedback_is_created_with_a_reference_and_passphrase()
    {
        using var response = await PostAsync(Valid);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<SubmissionReceipt>())!;
        Assert.Matches("^QV-[2-9A-Z]{4}-[2-9A-Z]{4}$", receipt.Reference);
        Assert.Equal(4, receipt.Passphrase.Split(' ').Length);
        var stored = await portal.Services.GetRequiredService<IFeedbackStore>().FindAsync(receipt.Reference, CancellationToken.None);
        Assert.Equal("Patient transport service, North East Ambulance Service NHS Foundation Trust", stored!.ServiceName);
        Assert.Equal(CollectionMode.Other, stored.CollectionMode);
    }

    [Fact]
    public async Task Submit_is_idempotent_when_the_same_key_is_repeated()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(Valid, idempotencyKey: key);
        using var repeat = await PostAsync(Valid, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal("true", repeat.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task A_key_reused_for_another_request_is_refused()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(Valid, idempotencyKey: key);
        using var other = await PostAsync(Valid.Replace("\"good\"", "\"poor\"", StringComparison.Ordinal), idempotencyKey: key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"service":"rx6-pts","fftRating":"good"}""", "kind")]
    [InlineData("""{"kind":"martian","service":"rx6-pts","fftRating":"good"}""", "kind")]
    [InlineData("""{"kind":"patient","service":"rx6-pts","fftRating":5}""", "fftRating")]
    [InlineData("""{"kind":"patient","service":"nowhere","fftRating":"good"}""", "service")]
    [InlineData("""{"kind":"patient","service":"other","fftRating":"good"}""", "serviceName")]
    [InlineData("""{"kind":"patient","service":"rx6-pts","fftRating":"good","month":"March"}""", "month")]
    [InlineData("""{"kind":"patient","service":"rx6-pts","fftRating":"good","whatWasGood":["a"]}""", "whatWasGood")]
    [InlineData("""{"kind":"patient","service":"rx6-pts","fftRating":"good","whatWasGood":"bell\u0007"}""", "whatWasGood")]
    [InlineData("""{"kind":"patient","service":"rx6-pts","fftRating":"good","whatWasGood":"\ud800"}""", "whatWasGood")]
    [InlineData("""{"kind":"patient","service":"rx6-pts","fftRating":"good","contactEmail":"a@b.example"}""", "consentToContact")]
    [InlineData("""{"kind":"patient","service":"rx6-pts","fftRating":"good","consentToContact":true}""", "contactEmail")]
    [InlineData("""{"kind":"patient","service":"rx6-pts","fftRating":"good","consentToContact":"yes","contactEmail":"a@b.example"}""", "consentToContact")]
    [InlineData("""{"kind":"patient","service":"rx6-pts","fftRating":"good","admin":true}""", "admin")]
    public async Task Each_bad_field_is_named_in_problem_details(string body, string field)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out var messages), await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task Over_long_text_names_the_limit()
    {
        var body = JsonSerializer.Serialize(new { kind = "carer", service = "rx6-pts", fftRating = "poor", whatCouldImprove = new string('a', 5001) });

        using var response = await PostAsync(body);

        Assert.Contains("5,000 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"kind\":")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"kind\":\"patient\",\"kind\":\"carer\",\"service\":\"rx6-pts\",\"fftRating\":\"good\"}")]
    public async Task Malformed_json_is_a_400_naming_the_problem(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"detail\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deep_nesting_is_a_400()
    {
        var body = "{\"kind\":" + new string('[', 5000) + new string(']', 5000) + "}";

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid).Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await Client().PostAsync(new Uri("/api/v1/feedback", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_64_kib_is_a_413()
    {
        var body = JsonSerializer.Serialize(new { kind = "carer", service = "rx6-pts", fftRating = "poor", whatCouldImprove = new string('a', 70_000) });

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task Other_content_types_are_a_415(string contentType)
    {
        using var response = await PostAsync(Valid, contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_key_is_a_401_and_no_key_needs_a_bot_check_token()
    {
        using var wrongKey = await PostAsync(Valid, apiKey: "guess");
        using var noKey = await PostAsync(Valid, apiKey: null);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
    }

    [Fact]
    public async Task Without_a_key_a_solved_proof_of_work_is_enough()
    {
        var client = Client();
        var token = await ProofOfWorkSolver.SolveAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback") { Content = new StringContent(Valid, Encoding.UTF8, "application/json") };
        request.Headers.Add(FeedbackApi.BotCheckHeader, token);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task No_input_however_malformed_produces_a_500()
    {
        var random = new Random(20261121);
        var fragments = new[] { "{", "}", "[", "]", "\"kind\"", ":", ",", "\"patient\"", "null", "true", "1e999", "\"\\u0000\"", "\"\\ud800\"", "\"fftRating\"", "\"service\"", "\"other\"", " ", "\u00e9" };
        for (var i = 0; i < 200; i++)
        {
            byte[] body;
            if (i % 3 == 0)
            {
                body = new byte[random.Next(0, 300)];
                random.NextBytes(body);
            }
            else
            {
                body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => fragments[random.Next(fragments.Length)])));
            }

            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback") { Content = content };
            request.Headers.Add("X-Api-Key", PortalFactory.ApiKey);

            using var response = await Client().SendAsync(request);

            Assert.True((int)response.StatusCode < 500, $"Body {Convert.ToBase64String(body)} gave {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("GET")]
    public async Task Another_method_is_a_405_in_problem_details_that_says_to_post(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/v1/feedback");
        if (method != "GET")
        {
            request.Content = new StringContent(Valid, Encoding.UTF8, "application/json");
        }

        using var response = await Client().SendAsync(request);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.Equal($"/api/v1/feedback does not accept {method}: send feedback with POST and a JSON body.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Two_idempotency_key_headers_are_refused_as_two_not_as_a_malformed_one()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback") { Content = new StringContent(Valid, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", PortalFactory.ApiKey);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", ["first-key", "second-key"]);

        using var response = await Client().SendAsync(request);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Send one Idempotency-Key header, not 2: one key names one submission.", problem.GetProperty("errors").GetProperty("Idempotency-Key")[0].GetString());
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_is_accepted()
    {
        using var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback") { Content = content };
        request.Headers.Add("X-Api-Key", PortalFactory.ApiKey);

        using var response = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_field_given_twice_is_named()
    {
        using var response = await PostAsync("""{"kind":"patient","kind":"carer","service":"rx6-pts","fftRating":"good"}""");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The field 'kind' appears more than once: send each field once.", problem.GetProperty("detail").GetString());
    }

    private HttpClient Client() => portal.CreateBrowser();

    [Fact]
    public async Task A_key_an_administrator_issues_works_once_the_portal_has_read_it_and_stops_when_revoked()
    {
        var registry = portal.Services.GetRequiredService<ApiClientRegistry>();
        var clients = portal.Services.GetRequiredService<ApiClients>();
        var issued = await registry.IssueAsync($"supplier-{Guid.NewGuid():N}", 5, "admin@example.nhs.uk", CancellationToken.None);
        await clients.RefreshAsync(CancellationToken.None);

        using var accepted = await PostAsync(Valid, idempotencyKey: "issued-1", apiKey: issued.Key);
        await registry.RevokeAsync(issued.Client!.Name, "admin@example.nhs.uk", CancellationToken.None);
        await clients.RefreshAsync(CancellationToken.None);
        using var refused = await PostAsync(Valid, idempotencyKey: "issued-2", apiKey: issued.Key);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_issued_key_with_its_own_rate_limit_is_held_to_it()
    {
        var registry = portal.Services.GetRequiredService<ApiClientRegistry>();
        var issued = await registry.IssueAsync($"slow-{Guid.NewGuid():N}", 2, "admin@example.nhs.uk", CancellationToken.None);
        await portal.Services.GetRequiredService<ApiClients>().RefreshAsync(CancellationToken.None);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await PostAsync(Valid, idempotencyKey: $"slow-{i}", apiKey: issued.Key);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? idempotencyKey = null, string contentType = "application/json", string? apiKey = PortalFactory.ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return await Client().SendAsync(request);
    }
}
