using Microsoft.AspNetCore.OutputCaching;
using QualityVoice.Portal.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;
using QualityVoice.Portal.Features.YouSaidWeDid;

namespace QualityVoice.Portal.Features.Themes;

/// <summary>
/// A strategic theme in the ICB's words: its I and We statements, its quality priorities (what is in place, what
/// comes next), the "you said, we did" updates under it, and its Easy Read version where the pack has one.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.Policy, VaryByQueryKeys = ["version"], Duration = PublicPageCache.CountsSeconds, Tags = [PublicPageCache.Updates, PublicPageCache.Months])]
public sealed class ThemeModel(ContentPack pack, YouSaidWeDidUpdates updates, IInsightQueries insight, TimeProvider time) : PageModel
{
    /// <summary>How many months of feedback "what people told us" covers.</summary>
    public const int Months = 12;

    /// <summary>
    /// What people told us about the theme's sub-categories in the last 12 complete months, most mentioned first,
    /// with small numbers hidden (null); empty where the store cannot count them.
    /// </summary>
    public IReadOnlyList<(string SubCategory, int? Mentions, int? Negative)> ToldUs { get; private set; } = [];

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
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (pack.FindTheme(slug) is not { } theme)
        {
            return NotFound();
        }

        Theme = theme;
        Updates = (await updates.AllAsync(cancellationToken)).Where(update => update.Theme == slug).ToArray();
        var thisMonth = YearMonth.Of(time.GetUtcNow());
        var counts = await insight.ThemesAsync(thisMonth.AddMonths(-Months), thisMonth.AddMonths(-1), null, cancellationToken);
        ToldUs = counts
            .Where(count => pack.Taxonomy.Find(count.Theme)?.StrategicTheme == slug)
            .GroupBy(count => count.Theme)
            .Select(group =>
            {
                // Mentions and, of those, negative ones: the negative count is hidden with the rest when small.
                var negative = group.Sum(count => count.Negative);
                var (shown, total) = SmallNumbers.Suppress([negative, group.Sum(count => count.Count) - negative]);
                return (group.Key, total, shown[0]);
            })
            .Where(row => row.total != 0)
            .OrderByDescending(row => row.total ?? 0)
            .ThenBy(row => row.Key, StringComparer.Ordinal)
            .ToArray();

        return Page();
    }
}
