using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Content;

namespace QualityVoice.Portal.Features.Themes;

/// <summary>
/// A strategic theme in the ICB's words: its I and We statements, its quality priorities (what is in place, what
/// comes next), the "you said, we did" updates under it, and its Easy Read version where the pack has one.
/// </summary>
public sealed class ThemeModel(ContentPack pack) : PageModel
{
    /// <summary>The theme.</summary>
    public StrategicTheme Theme { get; private set; } = null!;

    /// <summary>The updates under the theme, newest first.</summary>
    public IReadOnlyList<Update> Updates { get; private set; } = [];

    /// <summary>"easy-read" for the plain-language version.</summary>
    [BindProperty(SupportsGet = true, Name = "version")]
    public string? Version { get; set; }

    /// <summary>Whether the Easy Read version is shown.</summary>
    public bool EasyRead => Version == "easy-read" && Theme.Sections.EasyRead is not null;

    /// <summary>Shows the theme, or 404.</summary>
    public IActionResult OnGet(string slug)
    {
        if (pack.FindTheme(slug) is not { } theme)
        {
            return NotFound();
        }

        Theme = theme;
        Updates = pack.Updates.Where(update => update.Theme == slug).ToArray();
        return Page();
    }
}
