using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace QualityVoice.Content.Umbraco.Hosting;

/// <summary>
/// <c>POST /hooks/umbraco</c>: Umbraco's webhook for <c>Umbraco.ContentPublish</c> and <c>Umbraco.ContentUnpublish</c>
/// (the event in the <c>Umb-Webhook-Event</c> header) makes the portal read its content again now rather than when
/// the refresh interval ends. Umbraco does not sign its payloads, so the webhook must carry the shared secret in a
/// custom header (<see cref="UmbracoOptions.WebhookHeader"/>), compared in constant time; without it, 401. The body
/// is the published item (the legacy and extended payloads) or <c>{id, cultures}</c> (the minimal one), in camelCase or
/// PascalCase: only its id is read.
/// </summary>
public static class UmbracoWebhook
{
    /// <summary>The events that change what the portal shows.</summary>
    public static readonly IReadOnlyList<string> Events = ["Umbraco.ContentPublish", "Umbraco.ContentUnpublish"];

    private const int MaxBody = 1024 * 1024;

    /// <summary>Maps the webhook when the content comes from Umbraco.</summary>
    public static IEndpointRouteBuilder MapUmbracoWebhook(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<UmbracoContentSource>() is not null)
        {
            endpoints.MapPost("/hooks/umbraco", ReceiveAsync).DisableAntiforgery();
        }

        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, UmbracoContentSource source, IOptions<UmbracoOptions> options)
    {
        var settings = options.Value;
        if (settings.WebhookSecret is not { Length: > 0 } secret
            || !context.Request.Headers.TryGetValue(settings.WebhookHeader, out var given)
            || given.Count != 1
            || !SameSecret(given[0] ?? string.Empty, secret))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: $"The webhook's secret is missing or wrong (header {settings.WebhookHeader}).");
        }

        var @event = context.Request.Headers["Umb-Webhook-Event"].ToString();
        if (!Events.Contains(@event, StringComparer.Ordinal))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"The Umb-Webhook-Event header is '{@event}'; QualityVoice reads {string.Join(" and ", Events)}.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBody;
        }

        Guid id;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            id = ItemId(body.RootElement);
        }
        catch (JsonException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The webhook's body is not JSON.");
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The webhook's body is larger than 1 MB.");
        }

        if (id == Guid.Empty)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The webhook's body has no content id ('id', a GUID).");
        }

        source.RefreshSoon();
        return Results.Accepted();
    }

    private static Guid ItemId(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return Guid.Empty;
        }

        foreach (var property in payload.EnumerateObject())
        {
            if (string.Equals(property.Name, "id", StringComparison.OrdinalIgnoreCase)
                && property.Value.ValueKind == JsonValueKind.String
                && Guid.TryParse(property.Value.GetString(), out var id))
            {
                return id;
            }
        }

        return Guid.Empty;
    }

    private static bool SameSecret(string given, string secret) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
