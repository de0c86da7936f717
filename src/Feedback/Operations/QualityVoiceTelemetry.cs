using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace QualityVoice.Feedback.Operations;

/// <summary>
/// The traces and counters QualityVoice emits, under one name (<see cref="Name"/>) that the apps' OpenTelemetry
/// set-up listens to. They carry counts, durations and kinds only: never feedback text, contact details, references
/// or anyone's name, so that nothing personal reaches a telemetry store.
/// </summary>
public static class QualityVoiceTelemetry
{
    /// <summary>The name of the activity source and of every meter.</summary>
    public const string Name = "QualityVoice";

    /// <summary>The spans of QualityVoice's own work: taking a submission, analysing a batch.</summary>
    public static ActivitySource Traces { get; } = new(Name);

    private static Meter Meter { get; } = new(Name);

    /// <summary>Feedback and speak-up concerns acknowledged, tagged by <c>kind</c>.</summary>
    public static Counter<long> Received { get; } =
        Meter.CreateCounter<long>("qualityvoice.feedback.received", "{item}", "Feedback and speak-up concerns acknowledged");

    /// <summary>Items whose analysis was stored.</summary>
    public static Counter<long> Analysed { get; } =
        Meter.CreateCounter<long>("qualityvoice.analysis.analysed", "{item}", "Items whose analysis was stored");

    /// <summary>Batches the analyzer failed on (tried again when their leases run out).</summary>
    public static Counter<long> AnalysisFailures { get; } =
        Meter.CreateCounter<long>("qualityvoice.analysis.failures", "{batch}", "Analysis batches the analyzer failed on");

    /// <summary>E-mails handed to the mail server.</summary>
    public static Counter<long> EmailsSent { get; } =
        Meter.CreateCounter<long>("qualityvoice.email.sent", "{email}", "E-mails handed to the mail server");

    /// <summary>E-mails the mail server did not take, tagged <c>permanent</c> when it refused them for good.</summary>
    public static Counter<long> EmailFailures { get; } =
        Meter.CreateCounter<long>("qualityvoice.email.failures", "{email}", "E-mails the mail server did not take");

    /// <summary>Cosmos DB's request charge for each request, tagged by <c>operation</c>, <c>resource</c> and <c>container</c>.</summary>
    public static Histogram<double> CosmosRequestCharge { get; } =
        Meter.CreateHistogram<double>("qualityvoice.cosmos.request_charge", "RU", "Cosmos DB request units charged per request");
}
