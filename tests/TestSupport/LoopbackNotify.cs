using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace QualityVoice.TestSupport;

/// <summary>
/// GOV.UK Notify's e-mail API on loopback, as its documentation describes it: <c>POST /v2/notifications/email</c>
/// with a bearer token (HS256, issued by the service id, signed with the key's secret, at most 30 seconds old) and a
/// JSON body (<c>email_address</c>, <c>template_id</c>, <c>personalisation</c>); 201 with the notification, or an error
/// body (<c>status_code</c> and <c>errors</c>, each with <c>error</c> and <c>message</c>).
/// </summary>
public sealed class LoopbackNotify : IAsyncDisposable
{
    /// <summary>The service id.</summary>
    public const string ServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";

    /// <summary>The secret part of the key.</summary>
    public const string Secret = "3d844edf-8d35-48ac-975b-e847b4f122b0";

    /// <summary>An API key as Notify issues them: its name, the service id, the secret.</summary>
    public const string ApiKey = "qualityvoice_live-" + ServiceId + "-" + Secret;

    /// <summary>The one e-mail template the service has: subject ((subject)), body ((body)).</summary>
    public const string TemplateId = "f33517ff-2a88-4f6e-b855-c550268ce08a";

    private readonly ConcurrentQueue<HttpStatusCode> _failures = new();
    private LoopbackServer _server = null!;

    /// <summary>Where the API is (what <c>Email:Notify:BaseUrl</c> names).</summary>
    public Uri BaseUrl => _server.Address;

    /// <summary>The e-mails Notify accepted: address, subject, body.</summary>
    public ConcurrentQueue<(string To, string Subject, string Body)> Sent { get; } = new();

    /// <summary>Starts the server.</summary>
    public static async Task<LoopbackNotify> StartAsync()
    {
        var notify = new LoopbackNotify();
        notify._server = await LoopbackServer.StartAsync(app => app.MapPost("/v2/notifications/email", (HttpRequest request) => notify.SendEmailAsync(request)));
        return notify;
    }

    /// <summary>Makes the next request fail with <paramref name="status"/> (429 or 500), as Notify does when busy or broken.</summary>
    public void FailNext(HttpStatusCode status) => _failures.Enqueue(status);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static IResult Error(HttpStatusCode status, string error, string message) =>
        Results.Json(new { status_code = (int)status, errors = new[] { new { error, message } } }, statusCode: (int)status);

    private async Task<IResult> SendEmailAsync(HttpRequest request)
    {
        if (!await IsAuthorisedAsync(request.Headers.Authorization.ToString()))
        {
            return Error(HttpStatusCode.Forbidden, "AuthError", "Invalid token: API key not found");
        }

        if (_failures.TryDequeue(out var failure))
        {
            return failure == HttpStatusCode.TooManyRequests
                ? Error(failure, "RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds")
                : Error(failure, "Exception", "Internal server error");
        }

        using var body = await JsonDocument.ParseAsync(request.Body);
        var root = body.RootElement;
        var to = root.TryGetProperty("email_address", out var address) ? address.GetString() ?? string.Empty : string.Empty;
        // Notify wants a local part and a domain with a top-level domain (it refuses "someone@localhost").
        var at = to.LastIndexOf('@');
        var domain = at < 0 ? string.Empty : to[(at + 1)..];
        if (at <= 0 || !domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.'))
        {
            return Error(HttpStatusCode.BadRequest, "ValidationError", "email_address Not a valid email address");
        }

        if (!root.TryGetProperty("template_id", out var template) || template.GetString() != TemplateId)
        {
            return Error(HttpStatusCode.BadRequest, "BadRequestError", "Template not found");
        }

        var personalisation = root.GetProperty("personalisation");
        if (!personalisation.TryGetProperty("subject", out var subject) || !personalisation.TryGetProperty("body", out var text))
        {
            return Error(HttpStatusCode.BadRequest, "BadRequestError", "Missing personalisation: subject, body");
        }

        Sent.Enqueue((to, subject.GetString()!, text.GetString()!));
        var id = Guid.NewGuid();
        return Results.Json(
            new
            {
                id,
                reference = (string?)null,
                content = new { body = text.GetString(), subject = subject.GetString(), from_email = "quality.voice@notifications.service.gov.uk" },
                uri = new Uri(BaseUrl, $"v2/notifications/{id}").ToString(),
                template = new { id = TemplateId, version = 1, uri = new Uri(BaseUrl, $"v2/template/{TemplateId}").ToString() },
                scheduled_for = (string?)null,
            },
            statusCode: StatusCodes.Status201Created);
    }

    private static async Task<bool> IsAuthorisedAsync(string authorization)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(authorization["Bearer ".Length..], new TokenValidationParameters
        {
            ValidIssuer = ServiceId,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)),
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token || !token.TryGetPayloadValue<long>("iat", out var issuedAt))
        {
            return false;
        }

        // Notify refuses a token issued more than 30 seconds from its own clock.
        return Math.Abs(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - issuedAt) <= 30;
    }
}
