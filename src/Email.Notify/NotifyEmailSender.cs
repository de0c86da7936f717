using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MimeKit;

namespace QualityVoice.Email.Notify;

/// <summary>
/// Sends each message through GOV.UK Notify's API (<c>POST /v2/notifications/email</c>), authenticated with a token
/// Notify's documentation describes: HS256, issued by the service id, signed with the API key's secret, at most 30
/// seconds old. What Notify refuses (400: the address or template; 403: the key) is refused for good, never retried;
/// what it cannot take now (429, 5xx, no answer) is retried by the outbox.
/// </summary>
public sealed class NotifyEmailSender(HttpClient http, NotifyOptions options, TimeProvider time) : IEmailSender
{
    private readonly NotifyApiKey _key = NotifyApiKey.TryParse(options.ApiKey, out var key)
        ? key
        : throw new InvalidOperationException(string.Join(" ", options.Problems()));

    /// <inheritdoc />
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var to = message.To.Mailboxes.Single().Address;
        var body = new Dictionary<string, object>
        {
            ["email_address"] = to,
            ["template_id"] = options.TemplateId!,
            ["personalisation"] = new Dictionary<string, string>
            {
                ["subject"] = message.Subject ?? string.Empty,
                ["body"] = message.TextBody ?? string.Empty,
            },
        };
        if (!string.IsNullOrEmpty(options.ReplyToId))
        {
            body["email_reply_to_id"] = options.ReplyToId;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.BaseUrl, "v2/notifications/email")) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (TaskCanceledException timedOut) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("GOV.UK Notify did not answer in time.", timedOut);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return;
            }

            var errors = await ErrorsAsync(response, cancellationToken);
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
            {
                throw new EmailRefusedException($"GOV.UK Notify refused the message for good ({(int)response.StatusCode}: {errors}).");
            }

            throw new HttpRequestException($"GOV.UK Notify could not take the message now ({(int)response.StatusCode}: {errors}).", null, response.StatusCode);
        }
    }

    /// <summary>The token for one request: Notify accepts a token issued in the last 30 seconds.</summary>
    private string Token() => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = _key.ServiceId,
        IssuedAt = time.GetUtcNow().UtcDateTime,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_key.Secret)), SecurityAlgorithms.HmacSha256),
    });

    /// <summary>Notify's error codes (<c>ValidationError</c>, <c>RateLimitError</c>…), never its messages, which can repeat the address.</summary>
    private static async Task<string> ErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return answer.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                ? string.Join(", ", errors.EnumerateArray().Select(error => error.TryGetProperty("error", out var code) ? code.GetString() : null).OfType<string>())
                : "no errors given";
        }
        catch (JsonException)
        {
            return "not JSON";
        }
    }
}
