using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using QualityVoice.Web.Forms;

namespace QualityVoice.Web.Hosting;

/// <summary>Sets up what every QualityVoice web app has, in the same way.</summary>
public static class WebHostingExtensions
{
    /// <summary>
    /// Razor Pages, health checks, problem details, antiforgery and forwarded headers from Azure's front door.
    /// </summary>
    public static WebApplicationBuilder AddQualityVoiceWeb(this WebApplicationBuilder builder)
    {
        // Pages live in feature folders: Features/Feedback holds the feedback pages and their handlers.
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddMvcOptions(options => options.Filters.Add<UnknownHandlerFilter>());
        builder.Services.AddProblemDetails();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(typeof(FormDraftProtector<>));
        builder.Services.AddHealthChecks();
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "qv-antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        builder.Services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        return builder;
    }

    /// <summary>
    /// The shared middleware: error pages, security headers, static assets and the health endpoints
    /// (<c>/health/live</c>: the process answers; <c>/health/ready</c>: its databases are reachable and migrated).
    /// </summary>
    public static WebApplication UseQualityVoiceWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteHealth }).AllowAnonymous();
        return app;
    }

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => new
            {
                status = entry.Value.Status.ToString(),
                description = entry.Value.Description,
            }),
        });
    }
}
