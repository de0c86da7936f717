using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using QualityVoice.Content;
using QualityVoice.Portal.Caching;

namespace QualityVoice.Portal.Features.Feedback;

/// <summary>
/// The start page of giving feedback, as the NHS service manual asks: what the service is for and not for, how long
/// it takes, who reads it and what happens next, and where to get help now, before the first question.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class StartModel(ContentPack pack) : PageModel
{
    /// <summary>The content pack (the ICB's name).</summary>
    public ContentPack Pack => pack;
}
