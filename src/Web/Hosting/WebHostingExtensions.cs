using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
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
        builder.Services.AddSingleton<ClientKeys>();
        builder.Services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        TrustConfiguredProxiesOnly(builder);
        RequireAllowedHostsInProduction(builder);
        builder.AddQualityVoiceTelemetry();
        return builder;
    }

    /// <summary>
    /// Forwarded headers are believed only from the proxies <c>Web:KnownProxies</c> and <c>Web:KnownNetworks</c>
    /// name (none by default, and not even loopback, which ASP.NET Core trusts unless told otherwise); from any
    /// other peer they are ignored, so that a client can neither choose its own rate-limit key nor put another
    /// scheme into the links and redirects the app writes. With none configured the middleware is left out
    /// altogether: given empty lists it would believe every peer.
    /// </summary>
    private static void TrustConfiguredProxiesOnly(WebApplicationBuilder builder)
    {
        var web = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The obsolete list is still consulted, and holds 127.0.0.1/8 by default.
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in web.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Web:KnownProxies holds '{proxy}', which is not an IP address."));
            }

            foreach (var network in web.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Web:KnownNetworks holds '{network}', which is not a network like 10.0.0.0/24."));
            }
        });
    }

    /// <summary>
    /// In Production the host names the app answers to come from configuration (<c>AllowedHosts</c>, for example
    /// <c>feedback.example-icb.nhs.uk</c>); <c>*</c> would let any Host header into the links it writes.
    /// </summary>
    private static void RequireAllowedHostsInProduction(WebApplicationBuilder builder)
    {
        var allowed = builder.Configuration["AllowedHosts"];
        if (builder.Environment.IsProduction() && (string.IsNullOrWhiteSpace(allowed) || allowed.Split(';').Any(host => host.Trim() == "*")))
        {
            throw new InvalidOperationException(
                "AllowedHosts must name the app's host names in Production (for example 'feedback.example-icb.nhs.uk'), not '*'.");
        }
    }

    /// <summary>
    /// The shared middleware: error pages, security headers, static assets and the health endpoints
    /// (<c>/health/live</c>: the process answers; <c>/health/ready</c>: its databases are reachable and migrated).
    /// </summary>
    public static WebApplication UseQualityVoiceWeb(this WebApplication app)
    {
        var web = app.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        if (web.KnownProxies.Count > 0 || web.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
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
