using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.BackOffice.Features.Reports;

/// <summary>The weekly insights pack for the Insights Meeting, for any week that has started, ready to print.</summary>
[Printable]
public sealed class WeeklyPackModel(WeeklyInsightsReader reader, VoicesReader voices, ContentPack pack, ChromiumPdf pdf, TimeProvider time) : PageModel
{
    /// <summary>How many weeks back the list of weeks goes (an earlier week can be asked for by its date).</summary>
    public const int WeeksBack = 26;

    /// <summary>The first year a pack can be read for: feedback is dated from 1900 (as <see cref="YearMonth"/> reads months).</summary>
    public const int FirstYear = 1900;

    /// <summary>A day of the week, yyyy-MM-dd (default: the last full week).</summary>
    [BindProperty(SupportsGet = true, Name = "week")]
    public string? Week { get; set; }

    /// <summary>The pack.</summary>
    public WeeklyInsightsPack? Pack { get; private set; }

    /// <summary>How many months, ending with the week's, the pack's "whose voices are missing" covers: a week is too few people to say.</summary>
    public const int VoicesMonths = 3;

    /// <summary>Whose voices are missing in the three months ending with the week's.</summary>
    public VoicesPanel? Voices { get; private set; }

    /// <summary>Whether the pack can be had as PDF here.</summary>
    public bool CanPrint => pdf.IsAvailable;

    /// <summary>The ICB's name.</summary>
    public string IcbName => pack.IcbName;

    /// <summary>A service's name as the content pack gives it.</summary>
    public string ServiceName(string serviceId) =>
        serviceId == Feedback.NewFeedback.OtherService ? "Other services" : pack.FindService(serviceId)?.FullName ?? serviceId;

    /// <summary>The weeks to choose from, the latest first.</summary>
    public IReadOnlyList<DateOnly> WeekChoices { get; private set; } = [];

    /// <summary>When the pack was read.</summary>
    public DateTimeOffset ReadAt { get; private set; }

    /// <summary>Shows the pack.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ReadAt = time.GetUtcNow();
        var thisWeek = EarlyWarnings.WeekOf(DateOnly.FromDateTime(ReadAt.UtcDateTime));
        WeekChoices = [.. Enumerable.Range(0, WeeksBack + 1).Select(back => thisWeek.AddDays(-7 * back))];
        var week = thisWeek.AddDays(-7);
        if (!string.IsNullOrEmpty(Week))
        {
            if (!DateOnly.TryParseExact(Week, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                ModelState.AddModelError("week", "The week must be a date written like 2026-11-23");
            }
            else if (day.Year < FirstYear)
            {
                ModelState.AddModelError("week", $"Choose a week from {FirstYear} onwards");
            }
            else if (EarlyWarnings.WeekOf(day) > thisWeek)
            {
                ModelState.AddModelError("week", "The week must have started: choose this week or one before it");
            }
            else
            {
                week = EarlyWarnings.WeekOf(day);
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Week = week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Pack = await reader.ReadAsync(week, cancellationToken);
        var lastMonth = YearMonth.Of(Pack.LastDay);
        Voices = await voices.ReadAsync(lastMonth.AddMonths(1 - VoicesMonths), lastMonth, null, cancellationToken);
        return Page();
    }
}
