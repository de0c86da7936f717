using Microsoft.AspNetCore.OutputCaching;
using QualityVoice.Portal.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Content;

namespace QualityVoice.Portal.Features.YouSaidWeDid;

/// <summary>"You said, we did": every update, newest first, filtered by strategic theme and status.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy, VaryByQueryKeys = ["theme", "service", "status"], Tags = [PublicPageCache.Updates])]
public sealed class UpdatesModel(ContentPack pack, YouSaidWeDidUpdates updates) : PageModel
{
    /// <summary>The strategic theme to show (a slug), or every theme.</summary>
    [BindProperty(SupportsGet = true, Name = "theme")]
    public string? Theme { get; set; }

    /// <summary>The service to show (an id), or every service.</summary>
    [BindProperty(SupportsGet = true, Name = "service")]
    public string? Service { get; set; }

    /// <summary>The status to show, or every status.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    /// <summary>The content pack.</summary>
    public ContentPack Pack => pack;

    /// <summary>The updates the filters match.</summary>
    public IReadOnlyList<Update> Shown { get; private set; } = [];

    /// <summary>Shows the list; a filter value the pack does not know is a 400 that says so.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        UpdateStatus? status = null;
        if (!string.IsNullOrEmpty(Theme) && pack.FindTheme(Theme) is null)
        {
            ModelState.AddModelError("theme", "Choose a theme from the list");
        }

        if (!string.IsNullOrEmpty(Service) && pack.FindService(Service) is null)
        {
            ModelState.AddModelError("service", "Choose a service from the list");
        }

        if (!string.IsNullOrEmpty(Status) && (status = UpdateStatuses.Parse(Status)) is null)
        {
            ModelState.AddModelError("status", "Choose planned, in progress or done");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Shown = (await updates.AllAsync(cancellationToken))
            .Where(update => string.IsNullOrEmpty(Theme) || update.Theme == Theme)
            .Where(update => string.IsNullOrEmpty(Service) || update.ServiceId == Service)
            .Where(update => status is null || update.Status == status)
            .ToArray();
        return Page();
    }
}
