using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;
using QualityVoice.Portal.Caching;

namespace QualityVoice.Portal.Features.OpenData;

/// <summary>
/// What the open data files hold, how small numbers are hidden, links to them, and the latest months' Friends and Family
/// Test answers as a table (the same counts as the files, hidden the same way).
/// </summary>
[OutputCache(PolicyName = PublicPageCache.Policy, Duration = PublicPageCache.CountsSeconds, Tags = [PublicPageCache.Months])]
public sealed class OpenDataModel(ContentPack pack, TimeProvider time, IInsightQueries insight) : PageModel
{
    /// <summary>How many of the latest months the page shows as a table.</summary>
    public const int MonthsShown = 3;

    /// <summary>The content pack.</summary>
    public ContentPack Pack => pack;

    /// <summary>The months the files are asked for.</summary>
    public (YearMonth From, YearMonth To) Period { get; } = OpenDataEndpoints.Period(time.GetUtcNow());

    /// <summary>Every month with answers to publish, oldest first (empty before the first).</summary>
    public IReadOnlyList<OpenFftRow> Months { get; private set; } = [];

    /// <summary>The latest months, newest first, for the table.</summary>
    public IEnumerable<OpenFftRow> Latest => Months.Reverse().Take(MonthsShown);

    /// <summary>Reads the counts.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Months = OpenDataTables.Fft(await insight.MonthlyAsync(Period.From, Period.To, null, cancellationToken));
    }
}
