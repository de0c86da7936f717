using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QualityVoice.Content;
using QualityVoice.Feedback.Retention;

namespace QualityVoice.Web.Features.ContentPages;

/// <summary>
/// The content pack's plain pages (accessibility statement, privacy notice, contact), in both apps.
/// The HTML comes from the pack's Markdown through <see cref="MarkdownRenderer"/>, with raw HTML off; the retention
/// periods configured are put in place of their placeholders (<see cref="RetentionPolicy.StatePeriods"/>), so that
/// the privacy notice says what the apps do.
/// </summary>
public sealed class ContentPageModel(ContentPack pack, IOptions<RetentionOptions> retention) : PageModel
{
    /// <summary>The page shown.</summary>
    public ContentPage Shown { get; private set; } = null!;

    /// <summary>Shows the page, or 404 when the pack has no page of that name.</summary>
    public IActionResult OnGet(string slug)
    {
        var page = pack.FindPage(slug);
        if (page is null)
        {
            return NotFound();
        }

        Shown = page with { BodyHtml = retention.Value.Policy().StatePeriods(page.BodyHtml) };
        return Page();
    }
}
