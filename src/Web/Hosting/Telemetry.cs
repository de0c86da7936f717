using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using QualityVoice.Feedback.Operations;

namespace QualityVoice.Web.Hosting;

/// <summary>
/// OpenTelemetry traces, metrics and logs: exported with OTLP where <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (an
/// OpenTelemetry collector), and to Azure Monitor where <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is (Application
/// Insights); with neither, nothing is collected. Spans name the route, never the path or query, which can hold a
/// reference; QualityVoice's own spans and metrics carry counts and kinds only (<see cref="QualityVoiceTelemetry"/>).
/// </summary>
public static class Telemetry
{
    /// <summary>The standard setting that names an OTLP endpoint.</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard setting that names an Application Insights resource.</summary>
    public const string AzureMonitorConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Adds OpenTelemetry when an exporter is configured.</summary>
    public static WebApplicationBuilder AddQualityVoiceTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpoint]);
        var azureMonitor = !string.IsNullOrWhiteSpace(builder.Configuration[AzureMonitorConnectionString]);
        if (!otlp && !azureMonitor)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: builder.Environment.ApplicationName, serviceNamespace: QualityVoiceTelemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(QualityVoiceTelemetry.Name)
                .AddSource("Azure.Cosmos.Operation")
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/assets");
                    // The route is known once routing has run: the path is replaced as the request ends, or fails. The
                    // query goes too (a /track link's reference is in it): the Azure Monitor exporter sends it whole.
                    aspNetCore.EnrichWithHttpResponse = (activity, response) => activity.SetTag("url.path", RouteOf(response.HttpContext)).SetTag("url.query", null);
                    aspNetCore.EnrichWithException = (activity, _) => activity.SetTag("url.path", "(failed)").SetTag("url.query", null);
                })
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(QualityVoiceTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("System.Runtime"));
        builder.Logging.AddOpenTelemetry(logs =>
        {
            logs.IncludeFormattedMessage = true;
            logs.IncludeScopes = false;
        });

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        if (azureMonitor)
        {
            telemetry.UseAzureMonitor();
        }

        return builder;
    }

    /// <summary>The route's template (<c>/inbox/{reference}</c>) in place of the path, so that no reference is exported.</summary>
    private static string RouteOf(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } pattern ? "/" + pattern.TrimStart('/') : "(no route)";
}
