using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Triage;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Features.Reports;

/// <summary>
/// A service quality report for any service and months (by default the last two full months, as the bi-monthly
/// reports run), ready to print; the quality team records the service's escalation level on it.
/// </summary>
[Printable]
public sealed class ServiceReportModel(
    ServiceQualityReader reader, VoicesReader voices, ContentPack pack, IServiceEscalations escalations, IAuditLog audit, ReportJobs jobs, IKeptReports kept, ChromiumPdf pdf, TimeProvider time) : PageModel
{
    /// <summary>The service's id in the content pack.</summary>
    [BindProperty(SupportsGet = true, Name = "service")]
    public string? Service { get; set; }

    /// <summary>The first month, yyyy-MM.</summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    /// <summary>The last month, yyyy-MM.</summary>
    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    /// <summary>A kept copy's id, to show it instead of reading the figures now.</summary>
    [BindProperty(SupportsGet = true, Name = "kept")]
    public string? Kept { get; set; }

    /// <summary>The escalation level to record.</summary>
    [BindProperty]
    public string? Level { get; set; }

    /// <summary>Why the service is at that level.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>What the last change did.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>The report; null until a service is chosen.</summary>
    public ServiceQualityReport? Report { get; private set; }

    /// <summary>Whose voices are missing at the service in the period.</summary>
    public VoicesPanel? Voices { get; private set; }

    /// <summary>The kept copy shown, or null when the figures were read now.</summary>
    public KeptReportSummary? KeptCopy { get; private set; }

    /// <summary>The query that gives this report (its kept copy, or its service and months), for the PDF's address.</summary>
    public string Query => KeptCopy is { } copy
        ? $"kept={Uri.EscapeDataString(copy.Id)}"
        : $"service={Uri.EscapeDataString(Report?.ServiceId ?? string.Empty)}&from={From}&to={To}";

    /// <summary>The content pack.</summary>
    public ContentPack Pack => pack;

    /// <summary>The months to choose from: the last three years.</summary>
    public IReadOnlyList<YearMonth> MonthChoices { get; private set; } = [];

    /// <summary>Whether the report can be had as PDF here.</summary>
    public bool CanPrint => pdf.IsAvailable;

    /// <summary>Whether the signed-in member of staff records escalation levels (the quality team), on the report as it is now.</summary>
    public bool CanEscalate => KeptCopy is null && User.IsInRole(StaffRoles.QualityTeam);

    /// <summary>When the report was read.</summary>
    public DateTimeOffset ReadAt { get; private set; }

    /// <summary>Shows the report.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Kept))
        {
            return await ShowKeptAsync(Kept, cancellationToken);
        }

        if (!TryReadPeriod(out var service, out var from, out var to))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (service is not null)
        {
            await ReadAsync(service, from, to, cancellationToken);
        }

        return Page();
    }

    /// <summary>Keeps a copy of the report: its figures are read in the background, and the kept reports show how it is going.</summary>
    public IActionResult OnPostKeep()
    {
        var periodRead = TryReadPeriod(out var service, out var from, out var to);
        if (service is null && !ModelState.ContainsKey("service"))
        {
            ModelState.AddModelError("service", "Choose a service from the list");
        }

        if (!periodRead || service is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        jobs.Queue(new ServiceReportRequest(service, from, to), StaffMember.NameOf(User));
        return Redirect("/reports/kept");
    }

    /// <summary>Records the service's escalation level.</summary>
    public async Task<IActionResult> OnPostEscalateAsync(CancellationToken cancellationToken)
    {
        if (!CanEscalate)
        {
            return Forbid();
        }

        var periodRead = TryReadPeriod(out var service, out var from, out var to);
        if (service is null && !ModelState.ContainsKey("service"))
        {
            ModelState.AddModelError("service", "Choose a service from the list");
        }

        if (!WireName<EscalationLevel>.TryParse(Level, out var level))
        {
            ModelState.AddModelError(nameof(Level), "Choose the service's escalation level");
        }

        if (ServiceEscalation.ProblemWith(Reason) is { } problem)
        {
            ModelState.AddModelError(nameof(Reason), problem);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            if (periodRead && service is not null)
            {
                await ReadAsync(service, from, to, cancellationToken);
            }

            return Page();
        }

        var me = StaffMember.NameOf(User);
        var escalation = new ServiceEscalation(service!.Id, level, Reason!.Trim(), me, time.GetUtcNow());
        await escalations.AddAsync(escalation, cancellationToken);
        await audit.RecordAsync(new AuditEntry(escalation.SetAt, me, AuditActions.Changed, $"service:{service.Id}", $"Escalation level set to {EscalationText.Of(level)}"), cancellationToken);
        Done = $"{service.Name}'s escalation level is now {EscalationText.Of(level)}";
        return Redirect($"/reports/service?service={Uri.EscapeDataString(service.Id)}&from={from}&to={to}#escalation");
    }

    private async Task ReadAsync(CareService service, YearMonth from, YearMonth to, CancellationToken cancellationToken) =>
        (Report, Voices) = await ServiceReportFigures.ReadAsync(reader, voices, service, from, to, cancellationToken);

    private async Task<IActionResult> ShowKeptAsync(string id, CancellationToken cancellationToken)
    {
        if (await kept.FindFiguresAsync<ServiceReportFigures>(id, KeptReportKind.ServiceReport, cancellationToken) is not ({ } copy, { } figures))
        {
            return NotFound();
        }

        (Report, Voices, KeptCopy, ReadAt) = (figures.Report, figures.Voices, copy, copy.GeneratedAt);
        (Service, From, To) = (figures.Report.ServiceId, figures.Report.From.ToString(), figures.Report.To.ToString());
        MonthChoices = [.. new[] { figures.Report.To, figures.Report.From }.Distinct()];
        return Page();
    }

    private bool TryReadPeriod(out CareService? service, out YearMonth from, out YearMonth to)
    {
        ReadAt = time.GetUtcNow();
        var thisMonth = YearMonth.Of(ReadAt);
        MonthChoices = [.. Enumerable.Range(0, MonthPeriod.MaxMonths).Select(back => thisMonth.AddMonths(-back))];
        service = null;
        if (!string.IsNullOrEmpty(Service) && (service = pack.FindService(Service)) is null)
        {
            ModelState.AddModelError("service", $"Choose a service from the list ('{Service}' is not one of the content pack's services)");
        }

        (from, to) = MonthPeriod.Read(From, To, thisMonth.AddMonths(-2), thisMonth.AddMonths(-1), ModelState);

        From = from.ToString();
        To = to.ToString();
        return ModelState.IsValid;
    }
}
