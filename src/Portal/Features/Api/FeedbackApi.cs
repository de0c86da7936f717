using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using QualityVoice.Content;
using QualityVoice.Feedback.Intake;
using QualityVoice.Portal.Features.AbuseProtection;
using QualityVoice.Web.Hosting;

namespace QualityVoice.Portal.Features.Api;

/// <summary>
/// <c>POST /api/v1/feedback</c>: patient and carer feedback from integrations (SMS and kiosk surveys, a trust's
/// own forms) and load tests. Every refusal is RFC 7807 problem details naming the problem.
/// </summary>
public static class FeedbackApi
{
    /// <summary>The largest body accepted: 64 KiB.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The header that carries a bot-check token when no API key is sent.</summary>
    public const string BotCheckHeader = "X-Bot-Check";

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/feedback", SubmitAsync)
            .RequireRateLimiting(RateLimiting.ApiPolicy)
            .DisableAntiforgery()
            .AllowAnonymous()
            .WithName("SubmitFeedback")
            .WithTags("Feedback")
            .WithSummary("Send patient or carer feedback")
            .WithDescription("Stores a Friends and Family Test answer and its comments with their analysis pending, and returns the reference and passphrase that follow it.")
            .Produces<SubmissionReceipt>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        // Anything else under /api/ is answered for an integrator, in problem details: 405 with Allow for an
        // endpoint asked with the wrong method, 404 for an address that is not an endpoint.
        app.Map("/api/{**rest}", NotAnEndpoint).DisableAntiforgery().AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static ProblemHttpResult NotAnEndpoint(HttpContext context, EndpointDataSource endpoints)
    {
        var path = context.Request.Path.Value ?? "/api";
        var allowed = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => string.Equals("/" + endpoint.RoutePattern.RawText?.Trim('/'), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (allowed.Length == 0)
        {
            return Problem(StatusCodes.Status404NotFound, "Not found", $"There is no API endpoint at {path}. Feedback is sent with POST to /api/v1/feedback.");
        }

        context.Response.Headers.Allow = string.Join(", ", allowed);
        return Problem(
            StatusCodes.Status405MethodNotAllowed,
            "Method not allowed",
            $"{path} does not accept {context.Request.Method}: send feedback with {string.Join(" or ", allowed)} and a JSON body.");
    }

    private static async Task<IResult> SubmitAsync(
        HttpContext context,
        FeedbackIntake intake,
        ContentPack pack,
        IBotCheck botCheck,
        ApiClients clients,
        ClientKeys clientKeys,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Send JSON", "The Content-Type must be application/json (UTF-8).");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        var body = await ReadBodyAsync(request.Body, cancellationToken);
        if (body is null)
        {
            return TooLarge();
        }

        string? idempotencyKey = null;
        if (request.Headers.TryGetValue("Idempotency-Key", out var keyHeader))
        {
            if (keyHeader.Count > 1)
            {
                return Invalid(new Dictionary<string, string> { ["Idempotency-Key"] = $"Send one Idempotency-Key header, not {keyHeader.Count}: one key names one submission." });
            }

            idempotencyKey = keyHeader[0];
            if (!IdempotencyKey.IsWellFormed(idempotencyKey))
            {
                return Invalid(new Dictionary<string, string> { ["Idempotency-Key"] = $"The Idempotency-Key header must be 1 to {IdempotencyKey.MaxLength} printable ASCII characters." });
            }
        }

        var (feedback, errors) = FeedbackRequestReader.Read(body, pack);
        if (feedback is null)
        {
            return Invalid(errors);
        }

        // A trusted integration's key, or the same bot check as the forms.
        string scope;
        if (request.Headers.TryGetValue(ApiClients.Header, out var apiKey))
        {
            if (!clients.TryIdentify(apiKey.Count == 1 ? apiKey[0] : null, out var client))
            {
                return Problem(StatusCodes.Status401Unauthorized, "API key not recognised", $"The {ApiClients.Header} header does not hold a key this portal knows.");
            }

            scope = $"api:{client}";
        }
        else
        {
            var token = request.Headers.TryGetValue(BotCheckHeader, out var header) && header.Count == 1 ? header[0] : null;
            var verdict = await botCheck.VerifyAsync(new BotCheckEvidence("api", token, null, null, clientKeys.For(context)), cancellationToken);
            if (!verdict.Passed)
            {
                return Problem(StatusCodes.Status403Forbidden, "Bot check failed", $"Send a solved bot-check token in the {BotCheckHeader} header, or an {ApiClients.Header}.");
            }

            scope = "api:public";
        }

        var key = idempotencyKey is null ? null : new IdempotencyKey(scope, idempotencyKey);
        return await intake.SubmitAsync(feedback, key, cancellationToken) switch
        {
            IntakeResult.Accepted accepted => Created(context, accepted),
            IntakeResult.Invalid invalid => Invalid(invalid.Errors),
            _ => Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key already used",
                "This Idempotency-Key was already used for a different request. Use a new key for a new submission."),
        };
    }

    private static IResult Created(HttpContext context, IntakeResult.Accepted accepted)
    {
        if (accepted.Repeated)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return TypedResults.Json(new SubmissionReceipt(accepted.Reference, accepted.Passphrase), statusCode: StatusCodes.Status201Created);
    }

    private static bool IsJson(string? contentType)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        var charset = mediaType.Charset.Value;
        return mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reads at most <see cref="MaxBodyBytes"/>; null when the body is longer.</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > MaxBodyBytes ? null : buffer[..length];
    }

    private static IResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"The body must be at most {MaxBodyBytes / 1024} KiB.");

    private static ProblemHttpResult Invalid(IReadOnlyDictionary<string, string> errors) => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(
        errors.ToDictionary(error => error.Key.Length == 0 ? "body" : error.Key, error => new[] { error.Value }))
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request is not valid",
        Detail = string.Join(" ", errors.Values),
    });

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
