using Microsoft.AspNetCore.OutputCaching;
using QualityVoice.Portal.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Content;

namespace QualityVoice.Portal.Features.YouSaidWeDid;

/// <summary>One update: what people told us, what we did, and its steps.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy, Tags = [PublicPageCache.Updates])]
public sealed class UpdateModel(ContentPack pack, YouSaidWeDidUpdates updates) : PageModel
{
    /// <summary>The update.</summary>
    public Update Update { get; private set; } = null!;

    /// <summary>The content pack.</summary>
    public ContentPack Pack => pack;

    /// <summary>Shows the update, or 404.</summary>
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await updates.FindAsync(slug, cancellationToken) is not { } update)
        {
            return NotFound();
        }

        Update = update;
        return Page();
    }
}
