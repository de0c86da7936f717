using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.BackOffice.Features.Dashboard;

/// <summary>
/// Insight for the Quality Committee on one page a desktop shows in under three screens: any period and service,
/// compared with the period before, with early warnings.
/// </summary>
public sealed class DashboardModel(IInsightQueries insight, ContentPack pack, VoicesReader voices, TimeProvider time) : PageModel
{
    /// <summary>The first month, yyyy-MM (default: eleven months before this one).</summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    /// <summary>The last month, yyyy-MM (default: this one).</summary>
    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    /// <summary>One service's id, or every service.</summary>
    [BindProperty(SupportsGet = true, Name = "service")]
    public string? Service { get; set; }

    /// <summary>The report.</summary>
    public DashboardReport? Report { get; private set; }

    /// <summary>Whose voices are missing in the period.</summary>
    public VoicesPanel? Voices { get; private set; }

    /// <summary>The content pack.</summary>
    public ContentPack Pack => pack;

    /// <summary>The months the period can start and end in: the last three years.</summary>
    public IReadOnlyList<YearMonth> MonthChoices { get; private set; } = [];

    /// <summary>The week the early warnings' recent window starts.</summary>
    public DateOnly RecentFrom { get; private set; }

    /// <summary>Shows the dashboard.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var thisMonth = YearMonth.Of(now);
        MonthChoices = Enumerable.Range(0, MonthPeriod.MaxMonths).Select(back => thisMonth.AddMonths(-back)).ToArray();
        var (from, to) = MonthPeriod.Read(From, To, MonthChoices[11], thisMonth, ModelState);

        if (!string.IsNullOrEmpty(Service) && Service != NewFeedback.OtherService && pack.FindService(Service) is null)
        {
            ModelState.AddModelError("service", $"Choose a service from the list ('{Service}' is not one of the content pack's services)");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        From = from.ToString();
        To = to.ToString();
        var service = string.IsNullOrEmpty(Service) ? null : Service;
        var monthly = await insight.MonthlyAsync(from, to, service, cancellationToken);
        var themes = await insight.ThemesAsync(from, to, service, cancellationToken);
        var (previousFrom, previousTo) = YearMonth.PeriodBefore(from, to);
        var monthlyBefore = await insight.MonthlyAsync(previousFrom, previousTo, service, cancellationToken);
        var themesBefore = await insight.ThemesAsync(previousFrom, previousTo, service, cancellationToken);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        RecentFrom = EarlyWarnings.RecentFrom(today);
        var weekly = await insight.WeeklyThemesAsync(EarlyWarnings.BaselineFrom(today), EarlyWarnings.WeekOf(today), cancellationToken);
        var warnings = EarlyWarnings.Detect(service is null ? weekly : weekly.Where(week => week.ServiceId == service), today);
        Report = DashboardReport.Build(from, to, monthly, themes, monthlyBefore, themesBefore, warnings, pack);
        Voices = await voices.ReadAsync(from, to, service, cancellationToken);
        return Page();
    }
}
