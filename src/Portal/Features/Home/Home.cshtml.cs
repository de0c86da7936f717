using Microsoft.AspNetCore.OutputCaching;
using QualityVoice.Portal.Caching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Content;
using QualityVoice.Portal.Features.YouSaidWeDid;

namespace QualityVoice.Portal.Features.Home;

/// <summary>The home page: what the ICB promises, its strategic themes, the latest updates, and the ways to speak.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy, Tags = [PublicPageCache.Updates])]
public sealed class HomeModel(ContentPack pack, YouSaidWeDidUpdates updates) : PageModel
{
    /// <summary>The ICB's content pack.</summary>
    public ContentPack Pack { get; } = pack;

    /// <summary>The three newest "you said, we did" updates.</summary>
    public IReadOnlyList<Update> Latest { get; private set; } = [];

    /// <summary>Shows the page.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Latest = (await updates.AllAsync(cancellationToken)).Take(3).ToArray();
}
