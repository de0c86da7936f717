using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Content;

namespace QualityVoice.Web.Features.ContentPages;

/// <summary>
/// The content pack's plain pages (accessibility statement, privacy notice, contact), in both apps.
/// The HTML comes from the pack's Markdown through <see cref="MarkdownRenderer"/>, with raw HTML off.
/// </summary>
public sealed class ContentPageModel(ContentPack pack) : PageModel
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

        Shown = page;
        return Page();
    }
}
