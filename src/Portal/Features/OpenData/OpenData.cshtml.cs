using Microsoft.AspNetCore.OutputCaching;
using QualityVoice.Portal.Caching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Content;
using QualityVoice.Feedback;

namespace QualityVoice.Portal.Features.OpenData;

/// <summary>What the open data files hold, how small numbers are hidden, and links to them.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy, Duration = PublicPageCache.CountsSeconds, Tags = [PublicPageCache.Months, PublicPageCache.Content])]
public sealed class OpenDataModel(ContentPack pack, TimeProvider time) : PageModel
{
    /// <summary>The content pack.</summary>
    public ContentPack Pack => pack;

    /// <summary>The months the files cover.</summary>
    public (YearMonth From, YearMonth To) Period { get; } = OpenDataEndpoints.Period(time.GetUtcNow());

    /// <summary>Shows the page.</summary>
    public void OnGet()
    {
    }
}
