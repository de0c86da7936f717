using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Feedback.Import;

namespace QualityVoice.BackOffice.Features.Imports;

/// <summary>
/// Providers' Friends and Family Test files (what <c>./qv import</c> does, in the browser): upload a file and choose
/// the profile of its columns; it is imported in the background while the page shows its progress, and its
/// rejected rows can be downloaded with the reason for each.
/// </summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ImportsModel(ImportJobs jobs) : PageModel
{
    /// <summary>The largest file accepted: 512 MB, several million rows.</summary>
    public const long MaxUploadBytes = 512L * 1024 * 1024;

    /// <summary>The profiles to choose from.</summary>
    public IReadOnlyList<ImportProfile> Profiles { get; } = ImportProfiles.Names(ImportProfiles.ShippedFolder)
        .Select(name => ImportProfiles.Load(name, ImportProfiles.ShippedFolder)).ToArray();

    /// <summary>The imports, newest first.</summary>
    public IReadOnlyList<ImportJob> Jobs => jobs.All;

    /// <summary>The provider's file.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The profile of its columns.</summary>
    [BindProperty]
    public string? Profile { get; set; }

    /// <summary>Whose row ids these are.</summary>
    [BindProperty]
    public string? Client { get; set; }

    /// <summary>What was done.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Shows the form and the imports.</summary>
    public void OnGet()
    {
    }

    /// <summary>Saves the file and queues its import.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var profile = Profiles.FirstOrDefault(candidate => candidate.Name == Profile);
        if (Upload is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(Upload), "Select the provider's CSV file");
        }
        else if (!string.Equals(Path.GetExtension(Upload.FileName), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be a CSV");
        }

        if (profile is null)
        {
            ModelState.AddModelError(nameof(Profile), "Select the profile that describes the file's columns");
        }

        var client = string.IsNullOrWhiteSpace(Client) ? null : Client.Trim();
        if (client is { Length: > 64 })
        {
            ModelState.AddModelError(nameof(Client), "The supplier's name must be 64 characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var upload = Upload!.OpenReadStream();
        var job = await jobs.QueueAsync(upload, Upload.FileName, profile!, client, StaffMember.NameOf(User), cancellationToken);
        Done = $"{job.FileName} is being imported. This page shows how far it has got; you can leave it and come back.";
        return RedirectToPage();
    }

    /// <summary>A finished import's rejected rows, with the reason for each.</summary>
    public IActionResult OnGetRejected(string? id)
    {
        var job = id is null ? null : jobs.Find(id);
        if (job is not { Summary.Rejected: > 0 } || !System.IO.File.Exists(job.ReportPath))
        {
            return NotFound();
        }

        return PhysicalFile(job.ReportPath, "text/csv", Path.GetFileNameWithoutExtension(job.FileName) + ".rejected.csv");
    }
}
