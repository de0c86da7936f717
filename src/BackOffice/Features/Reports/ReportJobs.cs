using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.BackOffice.Features.Reports;

/// <summary>What a kept report is to be made of.</summary>
public abstract record ReportRequest
{
    /// <summary>Which report.</summary>
    public abstract KeptReportKind Kind { get; }

    /// <summary>Its title in the list of kept reports.</summary>
    public abstract string Title { get; }

    /// <summary>Its subject and period in a scheduled report's id, such as <c>2026-11-23</c> or <c>rtd-ae-2026-09-2026-10</c>.</summary>
    public abstract string SubjectAndPeriod { get; }
}

/// <summary>The weekly insights pack for the week starting <paramref name="Week"/>.</summary>
/// <param name="Week">A Monday.</param>
public sealed record WeeklyPackRequest(DateOnly Week) : ReportRequest
{
    /// <inheritdoc />
    public override KeptReportKind Kind => KeptReportKind.WeeklyPack;

    /// <inheritdoc />
    public override string Title => WeeklyPackFigures.TitleOf(Week);

    /// <inheritdoc />
    public override string SubjectAndPeriod => Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A service quality report for a service and months.</summary>
/// <param name="Service">The service.</param>
/// <param name="From">The first month.</param>
/// <param name="To">The last month.</param>
public sealed record ServiceReportRequest(CareService Service, YearMonth From, YearMonth To) : ReportRequest
{
    /// <inheritdoc />
    public override KeptReportKind Kind => KeptReportKind.ServiceReport;

    /// <inheritdoc />
    public override string Title => ServiceReportFigures.TitleOf(Service, From, To);

    /// <inheritdoc />
    public override string SubjectAndPeriod => $"{Service.Id}-{From}-{To}";
}

/// <summary>
/// Reports being kept: each is generated in the background by <see cref="ReportGenerator"/>, one at a time, so that
/// asking for one never holds a request while its figures are read. The list of jobs is this instance's; the reports
/// themselves are kept in the store (<see cref="IKeptReports"/>) for every instance.
/// </summary>
public sealed class ReportJobs(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ReportJob> _jobs = new(StringComparer.Ordinal);
    private readonly Channel<ReportJob> _queue = Channel.CreateUnbounded<ReportJob>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Every job this instance knows, newest first.</summary>
    public IReadOnlyList<ReportJob> All => [.. _jobs.Values.OrderByDescending(job => job.QueuedAt).ThenBy(job => job.Request.Title, StringComparer.Ordinal)];

    /// <summary>A job by its id (the kept report's).</summary>
    public ReportJob? Find(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>The jobs waiting for the generator.</summary>
    internal ChannelReader<ReportJob> Waiting => _queue.Reader;

    /// <summary>
    /// Queues a report for <paramref name="requestedBy"/>. A scheduled one has its id (<see cref="KeptReport.ScheduledId"/>)
    /// and is queued once however often it is asked for (again once it has failed); one asked for by a member of staff gets a new id each time.
    /// </summary>
    public ReportJob Queue(ReportRequest request, string requestedBy, bool scheduled = false)
    {
        var id = scheduled ? KeptReport.ScheduledId(request.Kind, request.SubjectAndPeriod) : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var job = new ReportJob(id, request, requestedBy, time.GetUtcNow());
        var queued = _jobs.AddOrUpdate(id, job, (_, earlier) => earlier.Step == ReportStep.Failed ? job : earlier);
        if (queued == job)
        {
            _queue.Writer.TryWrite(job);
        }

        return queued;
    }
}

/// <summary>How far a kept report has got.</summary>
public enum ReportStep
{
    /// <summary>Waiting for the reports before it.</summary>
    Waiting,

    /// <summary>Its figures are being read.</summary>
    Reading,

    /// <summary>Kept, and listed.</summary>
    Kept,

    /// <summary>Could not be made.</summary>
    Failed,
}

/// <summary>A report being kept, and how it is going.</summary>
/// <param name="id">The kept report's id.</param>
/// <param name="request">What it is of.</param>
/// <param name="requestedBy">Who asked for it, or <see cref="KeptReport.Schedule"/>.</param>
/// <param name="queuedAt">When.</param>
public sealed class ReportJob(string id, ReportRequest request, string requestedBy, DateTimeOffset queuedAt)
{
    private volatile ReportStep _step = ReportStep.Waiting;

    /// <summary>The kept report's id.</summary>
    public string Id { get; } = id;

    /// <summary>What it is of.</summary>
    public ReportRequest Request { get; } = request;

    /// <summary>Who asked for it.</summary>
    public string RequestedBy { get; } = requestedBy;

    /// <summary>When.</summary>
    public DateTimeOffset QueuedAt { get; } = queuedAt;

    /// <summary>How far it has got.</summary>
    public ReportStep Step
    {
        get => _step;
        set => _step = value;
    }

    /// <summary>Whether it has finished, one way or the other.</summary>
    public bool IsFinished => Step is ReportStep.Kept or ReportStep.Failed;
}
