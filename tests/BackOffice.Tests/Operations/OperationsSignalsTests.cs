using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Operations;
using QualityVoice.Feedback.Storage;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Operations;

/// <summary>
/// What operations watch: the back office reports itself degraded when an item has waited for analysis too long, and
/// gauges how many items wait and for how long, and how many urgent items nobody has read and for how long.
/// </summary>
public sealed class OperationsSignalsTests : IAsyncLifetime
{
    private readonly WatchedBackOffice _backOffice = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _backOffice.DisposeAsync();

    [Fact]
    public async Task An_item_waiting_for_analysis_longer_than_the_limit_makes_the_back_office_degraded_and_the_gauges_say_so()
    {
        var now = TimeProvider.System.GetUtcNow();
        using var healthy = await _backOffice.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal("Healthy", await CheckAsync(healthy, "analysis-backlog"));

        // A provider's row from the summer, imported an hour ago and still not analysed; an urgent item unread for two.
        var feedback = new NewFeedback(FeedbackKind.Patient, "rvi-ae", "Royal Victoria Infirmary – A&E", FftRating.Poor, null, "The wait was long", null, CollectionMode.Other);
        var waiting = new FeedbackRecord(feedback, "QV-WAKE-2222", new byte[32], now.AddMonths(-4), null, null, null) { ReceivedAt = now.AddHours(-1) };
        await _backOffice.Services.GetRequiredService<IFeedbackStore>().AddAsync(waiting, CancellationToken.None);
        await _backOffice.ImportAsync(new Sample("I want to end it all tonight") { Urgent = true, At = now.AddHours(-2) });
        await _backOffice.Services.GetRequiredService<OperationsSnapshot>().SampleAsync(CancellationToken.None);

        using var degraded = await _backOffice.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        Assert.Equal("Degraded", await CheckAsync(degraded, "analysis-backlog"));

        var gauges = ReadGauges();
        Assert.Equal(1, gauges["qualityvoice.analysis.backlog"]);
        Assert.InRange(gauges["qualityvoice.analysis.backlog.oldest_age"], 3600, 3700);
        Assert.Equal(1, gauges["qualityvoice.urgent.waiting"]);
        Assert.InRange(gauges["qualityvoice.urgent.oldest_age"], 7200, 7300);
    }

    private static async Task<string> CheckAsync(HttpResponseMessage response, string check)
    {
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return health.RootElement.GetProperty("checks").GetProperty(check).GetProperty("status").GetString()!;
    }

    /// <summary>Reads this app's gauges as an exporter would.</summary>
    private Dictionary<string, double> ReadGauges()
    {
        var factory = _backOffice.Services.GetRequiredService<IMeterFactory>();
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Meter.Name == QualityVoiceTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                meters.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }

    private sealed class WatchedBackOffice : BackOfficeFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Operations:AnalysisBacklogAgeLimit"] = "00:15:00",
        };
    }
}
