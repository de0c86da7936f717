using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using QualityVoice.Portal.Features.Api;
using QualityVoice.Web.Hosting;

namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>
/// The portal's rate limits, per client (a keyed hash of its address, never the address) or per trusted
/// integration. A refusal is 429 with <c>Retry-After</c>: problem details for the API, a page for people.
/// </summary>
public static class RateLimiting
{
    /// <summary>The feedback and speak-up forms.</summary>
    public const string FormsPolicy = "forms";

    /// <summary>/track and the speak-up case page.</summary>
    public const string TrackingPolicy = "tracking";

    /// <summary>The feedback API.</summary>
    public const string ApiPolicy = "api";

    /// <summary>Proof-of-work challenges.</summary>
    public const string ChallengePolicy = "challenge";

    /// <summary>Registers the limiter and its policies.</summary>
    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = OnRejectedAsync;
            limiter.AddPolicy(FormsPolicy, context => PerClient(context, limits => limits.FormRequestsPerTenMinutes, TimeSpan.FromMinutes(10)));
            limiter.AddPolicy(TrackingPolicy, context => PerClient(context, limits => limits.TrackingAttemptsPerMinute, TimeSpan.FromMinutes(1)));
            limiter.AddPolicy(ChallengePolicy, context => PerClient(context, limits => limits.ChallengesPerMinute, TimeSpan.FromMinutes(1)));
            limiter.AddPolicy(ApiPolicy, context =>
            {
                var clients = context.RequestServices.GetRequiredService<ApiClients>();
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                if (context.Request.Headers.TryGetValue(ApiClients.Header, out var key) && clients.TryIdentify(key.ToString(), out var client, out var ownLimit))
                {
                    // A trusted integration: a token bucket that allows its bursts, at its own rate if it was given one.
                    var perSecond = limits.ShareOf(ownLimit ?? limits.ApiClientRequestsPerSecond);
                    return RateLimitPartition.GetTokenBucketLimiter($"api-client:{client}:{perSecond}", _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = perSecond,
                        TokensPerPeriod = perSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    });
                }

                return PerClient(context, options => options.PublicApiRequestsPerMinute, TimeSpan.FromMinutes(1), prefix: "api-public");
            });
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, Func<RateLimitOptions, int> limit, TimeSpan window, string? prefix = null)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var client = context.RequestServices.GetRequiredService<ClientKeys>().For(context);
        var permits = limits.ShareOf(limit(limits));
        return RateLimitPartition.GetSlidingWindowLimiter($"{prefix}:{client}", _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        });
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: $"Wait {context.Response.Headers.RetryAfter} seconds (the Retry-After header), then try again.").ExecuteAsync(context);
        }

        // For pages, the status code page explains in plain words.
    }
}
