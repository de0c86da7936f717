using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.BackOffice.Features.Reports;

/// <summary>Reports kept as they were generated, and those still being made on this instance.</summary>
public sealed class KeptModel(ReportJobs jobs, IKeptReports kept, IOptions<ReportScheduleOptions> schedule) : PageModel
{
    /// <summary>Reports being made, or that could not be, newest first.</summary>
    public IReadOnlyList<ReportJob> Making { get; private set; } = [];

    /// <summary>Every kept report, the latest first.</summary>
    public IReadOnlyList<KeptReportSummary> Reports { get; private set; } = [];

    /// <summary>Which reports the schedule keeps.</summary>
    public ReportScheduleOptions Schedule => schedule.Value;

    /// <summary>Where a kept report is shown.</summary>
    public static string AddressOf(KeptReportSummary report) =>
        (report.Kind == KeptReportKind.WeeklyPack ? "/reports/weekly?kept=" : "/reports/service?kept=") + Uri.EscapeDataString(report.Id);

    /// <summary>Shows the list.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Making = [.. jobs.All.Where(job => job.Step != ReportStep.Kept)];
        Reports = await kept.ListAsync(cancellationToken);
    }
}
