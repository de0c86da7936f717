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
        var secrets = await TelemetryProbe.SubmitAndVisitAsync(client);

        await _collector.WaitForAsync("traces", "intake.store");
        await _collector.WaitForAsync("traces", "api/v1/feedback");
        // A page that is not there is traced as the error page's route: neither its path nor its query leaves.
        await _collector.WaitForAsync("traces", "/error");
        await _collector.WaitForAsync("metrics", "qualityvoice.feedback.received");
        await _collector.WaitForAsync("metrics", "http.server.request.duration");
        await _collector.WaitForAsync("logs", "Microsoft.Hosting.Lifetime");
        Assert.All(secrets, secret => Assert.False(_collector.HoldsAnywhere(secret), secret));
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
