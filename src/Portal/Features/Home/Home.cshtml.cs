using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Content;

namespace QualityVoice.Portal.Features.Home;

/// <summary>The home page: what the ICB promises, its strategic themes, and the ways to speak.</summary>
public sealed class HomeModel(ContentPack pack) : PageModel
{
    /// <summary>The ICB's content pack.</summary>
    public ContentPack Pack { get; } = pack;
}
