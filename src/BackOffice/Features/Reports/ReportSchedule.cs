using Microsoft.Extensions.Options;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.BackOffice.Features.Reports;

/// <summary>Which reports are kept on a schedule (<c>Reports:Schedule</c>).</summary>
public sealed class ReportScheduleOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Reports:Schedule";

    /// <summary>Keep the weekly insights pack for each week once it has ended.</summary>
    public bool WeeklyPack { get; set; } = true;

    /// <summary>Keep a service quality report for every service every two months (January and February, March and April…).</summary>
    public bool ServiceReports { get; set; } = true;

    /// <summary>How long after start-up the schedule is first looked at, so that a starting instance serves people first.</summary>
    public TimeSpan FirstLook { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the schedule is looked at after that.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Keeps the reports the schedule asks for: once a week has ended, its weekly insights pack; once a pair of months
/// has ended (January and February, March and April…), a service quality report for every service in the content
/// pack. Each has an id made of its subject and period, so a report already kept (by this instance, before a restart,
/// or by another) is not made again, and one missed while no instance ran is made when one next does. Only the
/// latest period is made: the schedule does not fill in history.
/// </summary>
public sealed partial class ReportSchedule(
    ReportJobs jobs, IKeptReports kept, IContentSource content, IOptions<ReportScheduleOptions> options, TimeProvider time, ILogger<ReportSchedule> logger) : BackgroundService
{
    /// <summary>Queues the reports that are due and not kept; returns how many were queued.</summary>
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken)
    {
        var keptAlready = (await kept.ListAsync(cancellationToken)).Select(report => report.Id).ToHashSet(StringComparer.Ordinal);
        var queued = 0;
        foreach (var request in Due(time.GetUtcNow()))
        {
            var id = KeptReport.ScheduledId(request.Kind, request.SubjectAndPeriod);
            if (!keptAlready.Contains(id) && jobs.Find(id) is null or { Step: ReportStep.Failed })
            {
                jobs.Queue(request, KeptReport.Schedule, scheduled: true);
                queued++;
            }
        }

        return queued;
    }

    /// <summary>The reports the schedule keeps at <paramref name="now"/>.</summary>
    public IEnumerable<ReportRequest> Due(DateTimeOffset now)
    {
        if (options.Value.WeeklyPack)
        {
            yield return new WeeklyPackRequest(EarlyWarnings.WeekOf(DateOnly.FromDateTime(now.UtcDateTime)).AddDays(-7));
        }

        if (options.Value.ServiceReports)
        {
            var (from, to) = LastPairOfMonths(YearMonth.Of(now));
            foreach (var service in content.Current.Organisations.SelectMany(organisation => organisation.Services))
            {
                yield return new ServiceReportRequest(service, from, to);
            }
        }
    }

    /// <summary>The last pair of months (January and February, March and April…) to have ended by <paramref name="month"/>.</summary>
    public static (YearMonth From, YearMonth To) LastPairOfMonths(YearMonth month)
    {
        var pairStarts = month.AddMonths(-((month.Month - 1) % 2));
        return (pairStarts.AddMonths(-2), pairStarts.AddMonths(-1));
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WeeklyPack && !options.Value.ServiceReports)
        {
            return;
        }

        await Task.Delay(options.Value.FirstLook, time, stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Every, time);
        do
        {
            try
            {
                await QueueDueAsync(stoppingToken);
            }
            catch (Exception failed) when (failed is not OperationCanceledException)
            {
                // The store could not be read: the next look tries again, and the back office goes on serving.
                LookFailed(logger, failed.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The report schedule could not be looked at: {Failure}; it is looked at again within the hour")]
    private static partial void LookFailed(ILogger logger, string failure);
}
