using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using QualityVoice.Web.Hosting;

namespace QualityVoice.BackOffice.Features.Accounts;

/// <summary>
/// A ceiling on how often one client may post to the sign-in pages (the password, the code, setting up an app),
/// right or wrong, on top of <see cref="Staff.Accounts.SignInThrottle"/>'s growing waits after wrong answers.
/// </summary>
internal static class SignInRateLimit
{
    /// <summary>The policy's name.</summary>
    public const string Policy = "sign-in";

    public static WebApplicationBuilder AddSignInRateLimit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignInRateLimitOptions>().BindConfiguration(SignInRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(Policy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("reading");
                }

                var client = context.RequestServices.GetRequiredService<ClientKeys>().For(context);
                var permits = context.RequestServices.GetRequiredService<IOptions<SignInRateLimitOptions>>().Value.AttemptsPerMinute;
                return RateLimitPartition.GetSlidingWindowLimiter($"sign-in:{client}", _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                });
            });
        });
        return builder;
    }
}

/// <summary>How many sign-in posts a client may make a minute. Bound from <c>RateLimits</c>.</summary>
public sealed class SignInRateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "RateLimits";

    /// <summary>Posts to the sign-in, code and set-up pages per client per minute.</summary>
    [Range(1, 100_000)]
    public int SignInAttemptsPerMinute { get; set; } = 30;

    /// <summary>
    /// How many back-office instances share the sign-ins (the template sets it): each allows its share of the limit,
    /// so that together they allow what one would.
    /// </summary>
    [Range(1, 100)]
    public int Instances { get; set; } = 1;

    /// <summary>This instance's share, for the limiter.</summary>
    internal int AttemptsPerMinute => Math.Max(1, (int)Math.Ceiling(SignInAttemptsPerMinute / (double)Instances));
}
