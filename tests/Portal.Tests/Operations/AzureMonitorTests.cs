using System.Net;
using System.Net.Http.Json;
using System.Text;
using QualityVoice.Portal.Features.Api;
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
        await _insights.WaitForAsync("intake.store");
        await _insights.WaitForAsync("api/v1/feedback");
        await _insights.WaitForAsync(LoopbackApplicationInsights.InstrumentationKey);
        var sent = string.Join('\n', _insights.Items);
        Assert.DoesNotContain("Zanzibar", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("zanzibar-in-the-path", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("QV-ZZZZ-ZZZZ", sent, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt.Reference, sent, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt.Passphrase, sent, StringComparison.Ordinal);
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
