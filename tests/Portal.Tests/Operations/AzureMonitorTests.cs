using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.Operations;

/// <summary>
/// With an Application Insights connection string, the portal sends its telemetry to Azure Monitor's ingestion
/// endpoint (here on loopback): a submission's request and span arrive, named by route; what the person wrote, the
/// reference, the passphrase and a path or query that held a reference never do.
/// </summary>
public sealed class AzureMonitorTests : IAsyncLifetime
{
    private LoopbackApplicationInsights _insights = null!;
    private ReportingPortal _portal = null!;

    public async Task InitializeAsync()
    {
        _insights = await LoopbackApplicationInsights.StartAsync();
        _portal = new ReportingPortal(_insights.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _insights.DisposeAsync();
    }

    [Fact]
    public async Task A_submission_reaches_application_insights_by_route_and_nothing_it_said_does()
    {
        using var client = _portal.CreateClient();
        var secrets = await TelemetryProbe.SubmitAndVisitAsync(client);

        await _insights.WaitForAsync("intake.store");
        await _insights.WaitForAsync("api/v1/feedback");
        await _insights.WaitForAsync(LoopbackApplicationInsights.InstrumentationKey);
        var sent = string.Join('\n', _insights.Items);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, sent, StringComparison.Ordinal));
    }

    private sealed class ReportingPortal(string connectionString) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = connectionString,

            // Every trace, not the distro's default of five a second, so that the one submission is certain to be sent.
            ["OTEL_TRACES_SAMPLER"] = "microsoft.fixed_percentage",
            ["OTEL_TRACES_SAMPLER_ARG"] = "1.0",
        };
    }
}
