using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.BackOffice.Features.Reports;

/// <summary>
/// Makes the queued reports one at a time: reads each one's figures as its page would (in a scope of its own, as a
/// request has) and keeps them. A report that fails is marked so on its job and the next one goes on.
/// </summary>
public sealed partial class ReportGenerator(ReportJobs jobs, IServiceScopeFactory scopes, IKeptReports kept, TimeProvider time, ILogger<ReportGenerator> logger) : BackgroundService
{
    /// <summary>Makes one report (the generator's loop, and tests).</summary>
    public async Task RunAsync(ReportJob job, CancellationToken cancellationToken)
    {
        try
        {
            job.Step = ReportStep.Reading;
            var readAt = time.GetUtcNow();
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var voices = services.GetRequiredService<VoicesReader>();
            var figures = job.Request switch
            {
                WeeklyPackRequest weekly => KeptFigures.Write(
                    await WeeklyPackFigures.ReadAsync(services.GetRequiredService<WeeklyInsightsReader>(), voices, weekly.Week, cancellationToken)),
                ServiceReportRequest service => KeptFigures.Write(
                    await ServiceReportFigures.ReadAsync(services.GetRequiredService<ServiceQualityReader>(), voices, service.Service, service.From, service.To, cancellationToken)),
                _ => throw new InvalidOperationException($"No report is made of a {job.Request.GetType().Name}."),
            };

            // A scheduled report another instance kept first is kept once: theirs stands.
            await kept.AddAsync(new KeptReport(job.Id, job.Request.Kind, job.Request.Title, readAt, job.RequestedBy, figures), cancellationToken);
            job.Step = ReportStep.Kept;
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            job.Step = ReportStep.Failed;
            ReportFailed(logger, job.Request.Kind, failed.GetType().Name);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Waiting.ReadAllAsync(stoppingToken))
        {
            await RunAsync(job, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Kind} report could not be kept: {Failure}")]
    private static partial void ReportFailed(ILogger logger, KeptReportKind kind, string failure);
}
