using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Feedback;

namespace QualityVoice.BackOffice.Features.Exports;

/// <summary>The list of downloads.</summary>
public sealed class ExportsModel(TimeProvider time) : PageModel
{
    /// <summary>The month the FFT return is for (this month by default).</summary>
    public string? Month { get; private set; }

    /// <summary>The months the return can be for: the last two years.</summary>
    public IReadOnlyList<YearMonth> Months { get; private set; } = [];

    /// <summary>Shows the page.</summary>
    public void OnGet()
    {
        var thisMonth = YearMonth.Of(time.GetUtcNow());
        Months = Enumerable.Range(0, 24).Select(back => thisMonth.AddMonths(-back)).ToArray();
        Month = Months[0].ToString();
    }
}
