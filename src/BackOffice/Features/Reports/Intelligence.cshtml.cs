using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Import;
using QualityVoice.Feedback.Insight;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Features.Reports;

/// <summary>
/// Other intelligence: the quality team uploads counts of complaints, PALS contacts, incidents and Healthwatch reports
/// for services and months, and the service quality report and weekly pack set them beside the feedback.
/// </summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class IntelligenceModel(IOtherIntelligence intelligence, ContentPack pack, IAuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>The largest file accepted: ample for ten thousand rows.</summary>
    public const long MaxUploadBytes = 2L * 1024 * 1024;

    /// <summary>How many months back the page lists what was uploaded.</summary>
    public const int MonthsShown = 12;

    /// <summary>The file.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>What was done.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Why the file was refused, line by line.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>What was uploaded for the last twelve months: service, month, channel and total, the latest month first.</summary>
    public IReadOnlyList<(string Service, YearMonth Month, IntelligenceChannel Channel, int Count)> Uploaded { get; private set; } = [];

    /// <summary>Whether the signed-in member of staff uploads (the quality team).</summary>
    public bool CanUpload => User.IsInRole(StaffRoles.QualityTeam);

    /// <summary>Shows what was uploaded and the form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => await ListAsync(cancellationToken);

    /// <summary>Reads the file and saves its counts, or lists its problems.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanUpload)
        {
            return Forbid();
        }

        if (Upload is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(Upload), "Select the CSV file of counts");
        }
        else if (!string.Equals(Path.GetExtension(Upload.FileName), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be a CSV");
        }
        else
        {
            var me = StaffMember.NameOf(User);
            var now = time.GetUtcNow();
            await using var file = Upload.OpenReadStream();
            var (counts, problems) = OtherIntelligenceFile.Read(file, id => pack.FindService(id) is not null, me, now);
            if (problems.Count > 0)
            {
                Problems = problems;
                ModelState.AddModelError(nameof(Upload), $"The file cannot be used: {problems[0]}");
            }
            else
            {
                await intelligence.SaveAsync(counts, cancellationToken);
                var months = counts.Select(count => count.Month).Distinct().Order().ToArray();
                var services = counts.Select(count => count.ServiceId).Distinct().Count();
                var summary = $"{counts.Count:N0} {(counts.Count == 1 ? "count" : "counts")} for {services:N0} {(services == 1 ? "service" : "services")}, " +
                    YearMonth.DisplayPeriod(months[0], months[^1]);
                await audit.RecordAsync(new AuditEntry(now, me, AuditActions.Imported, $"intelligence {Upload.FileName}", summary), cancellationToken);
                Done = $"Saved {summary}.";
                return RedirectToPage();
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await ListAsync(cancellationToken);
        return Page();
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var thisMonth = YearMonth.Of(time.GetUtcNow());
        var counts = await intelligence.ReadAsync(thisMonth.AddMonths(1 - MonthsShown), thisMonth, null, cancellationToken);
        Uploaded = [.. counts
            .GroupBy(count => (count.ServiceId, count.Month, count.Channel))
            .Select(group => (pack.FindService(group.Key.ServiceId)?.FullName ?? group.Key.ServiceId, group.Key.Month, group.Key.Channel, group.Sum(count => count.Count)))
            .OrderByDescending(row => row.Month).ThenBy(row => row.Item1, StringComparer.Ordinal).ThenBy(row => row.Channel)];
    }
}
