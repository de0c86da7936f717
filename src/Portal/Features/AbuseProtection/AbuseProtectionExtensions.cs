using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Intake;
using QualityVoice.Portal.Features.Api;
using QualityVoice.Web.Hosting;

namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>Registers the configured bot check, the rate limits and the trusted API clients.</summary>
public static class AbuseProtectionExtensions
{
    /// <summary>
    /// Adds the bot check named by <c>BotCheck:Mode</c> (proof of work by default), validated at start-up:
    /// <c>Off</c> stops a Production start with a clear message.
    /// </summary>
    public static WebApplicationBuilder AddAbuseProtection(this WebApplicationBuilder builder)
    {
        var isProduction = builder.Environment.IsProduction();
        var sharedStore = builder.Configuration["Feedback:Store"] == "Cosmos";
        builder.Services.AddOptions<BotCheckOptions>()
            .BindConfiguration(BotCheckOptions.Section)
            .PostConfigure(options => (options.IsProduction, options.IsSharedByInstances) = (isProduction, sharedStore))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ApiClients>();
        builder.Services.AddHostedService<ApiClientRefresh>();
        builder.Services.AddMemoryCache();

        // One portal on the embedded store remembers the challenges it accepted in memory; on Cosmos DB the store does.
        builder.Services.TryAddSingleton<IUsedChallenges, MemoryUsedChallenges>();
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<BotCheckOptions>>().Value);
        builder.Services.AddSingleton<NoScriptAllowance>();
        builder.Services.AddSingleton<HoneypotBotCheck>();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<BotCheckOptions>().ProofOfWork;
            var secret = options.Secret is { Length: > 0 } configured
                ? Convert.FromBase64String(configured)
                : SecretKeyFile.ReadOrCreate(DataDirectory.Combine(builder.Configuration, "bot-check.key"));
            return new ProofOfWorkChallenges(options, secret, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IUsedChallenges>());
        });
        builder.Services.AddHttpClient<RecaptchaBotCheck>(http => http.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<IBotCheck>(services => services.GetRequiredService<BotCheckOptions>().Mode switch
        {
            BotCheckMode.ProofOfWork => ActivatorUtilities.CreateInstance<ProofOfWorkBotCheck>(services),
            BotCheckMode.Recaptcha => services.GetRequiredService<RecaptchaBotCheck>(),
            BotCheckMode.Honeypot => services.GetRequiredService<HoneypotBotCheck>(),
            _ => new NoBotCheck(),
        });

        // reCAPTCHA's script and frames come from Google (as its documentation lists); nothing else is allowed.
        if (builder.Configuration[$"{BotCheckOptions.Section}:Mode"] == nameof(BotCheckMode.Recaptcha))
        {
            builder.Services.Configure<ContentSecurityPolicyOptions>(policy =>
            {
                policy.ScriptSources.Add("https://www.google.com/recaptcha/");
                policy.ScriptSources.Add("https://www.gstatic.com/recaptcha/");
                policy.FrameSources.Add("https://www.google.com/recaptcha/");
                policy.FrameSources.Add("https://recaptcha.google.com/recaptcha/");
            });
        }

        builder.Services.AddPortalRateLimiting();
        return builder;
    }

    /// <summary>Maps <c>GET /bot-check/challenge</c>, where the widget fetches its challenge.</summary>
    public static IEndpointRouteBuilder MapBotCheck(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bot-check/challenge", (ProofOfWorkChallenges challenges, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Json(challenges.Create());
        }).RequireRateLimiting(RateLimiting.ChallengePolicy).ExcludeFromDescription();
        return app;
    }
}
