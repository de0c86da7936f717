using System.Net;
using System.Net.Http.Json;
using System.Text;
using QualityVoice.Portal.Features.Api;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.Operations;

/// <summary>
/// With an OTLP endpoint configured, the portal exports traces, metrics and logs to it (here a loopback collector):
/// a submission's span and the count of submissions arrive, and what the person wrote and the reference never do.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private LoopbackOtlpCollector _collector = null!;
    private ExportingPortal _portal = null!;

    public async Task InitializeAsync()
    {
        _collector = await LoopbackOtlpCollector.StartAsync();
        _portal = new ExportingPortal(_collector.Endpoint);
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _collector.DisposeAsync();
    }

    [Fact]
    public async Task A_submission_is_traced_and_counted_and_nothing_it_said_is_exported()
    {
        using var client = _portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback")
        {
            Content = new StringContent(
                """{"kind":"patient","service":"rx6-pts","fftRating":"poor","whatCouldImprove":"Zanzibar marmalade told me nothing about my mother","month":"2026-10"}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("X-Api-Key", PortalFactory.ApiKey);

        using var response = await client.SendAsync(request);
        using var page = await client.GetAsync(new Uri("/themes/zanzibar-in-the-path?reference=QV-ZZZZ-ZZZZ", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<SubmissionReceipt>())!;
        await _collector.WaitForAsync("traces", "intake.store");
        await _collector.WaitForAsync("traces", "api/v1/feedback");
        // A page that is not there is traced as the error page's route: neither its path nor its query leaves.
        await _collector.WaitForAsync("traces", "/error");
        await _collector.WaitForAsync("metrics", "qualityvoice.feedback.received");
        await _collector.WaitForAsync("metrics", "http.server.request.duration");
        await _collector.WaitForAsync("logs", "Microsoft.Hosting.Lifetime");
        Assert.False(_collector.HoldsAnywhere("Zanzibar"));
        Assert.False(_collector.HoldsAnywhere("zanzibar-in-the-path"));
        Assert.False(_collector.HoldsAnywhere("QV-ZZZZ-ZZZZ"));
        Assert.False(_collector.HoldsAnywhere(receipt.Reference));
        Assert.False(_collector.HoldsAnywhere(receipt.Passphrase));
    }

    private sealed class ExportingPortal(Uri collector) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
        };
    }
}
