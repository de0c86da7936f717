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
public sealed class WeeklyPackModel(WeeklyInsightsReader reader, VoicesReader voices, ContentPack pack, ReportJobs jobs, IKeptReports kept, ChromiumPdf pdf, TimeProvider time) : PageModel
{
    /// <summary>How many weeks back the list of weeks goes (an earlier week can be asked for by its date).</summary>
    public const int WeeksBack = 26;

    /// <summary>The first year a pack can be read for: feedback is dated from 1900 (as <see cref="YearMonth"/> reads months).</summary>
    public const int FirstYear = 1900;

    /// <summary>A day of the week, yyyy-MM-dd (default: the last full week).</summary>
    [BindProperty(SupportsGet = true, Name = "week")]
    public string? Week { get; set; }

    /// <summary>A kept copy's id, to show it instead of reading the figures now.</summary>
    [BindProperty(SupportsGet = true, Name = "kept")]
    public string? Kept { get; set; }

    /// <summary>The pack.</summary>
    public WeeklyInsightsPack? Pack { get; private set; }

    /// <summary>Whose voices are missing in the three months ending with the week's.</summary>
    public VoicesPanel? Voices { get; private set; }

    /// <summary>The kept copy shown, or null when the figures were read now.</summary>
    public KeptReportSummary? KeptCopy { get; private set; }

    /// <summary>Whether the pack can be had as PDF here.</summary>
    public bool CanPrint => pdf.IsAvailable;

    /// <summary>The ICB's name.</summary>
    public string IcbName => pack.IcbName;

    /// <summary>A service's name as the content pack gives it.</summary>
    public string ServiceName(string serviceId) =>
        serviceId == Feedback.NewFeedback.OtherService ? "Other services" : pack.FindService(serviceId)?.FullName ?? serviceId;

    /// <summary>The weeks to choose from, the latest first.</summary>
    public IReadOnlyList<DateOnly> WeekChoices { get; private set; } = [];

    /// <summary>When the pack's figures were read.</summary>
    public DateTimeOffset ReadAt { get; private set; }

    /// <summary>The query that gives this pack (its kept copy, or its week), for the PDF's address.</summary>
    public string Query => KeptCopy is { } copy ? $"kept={Uri.EscapeDataString(copy.Id)}" : $"week={Week}";

    /// <summary>Shows the pack: read now, or a kept copy.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Kept))
        {
            if (await kept.FindFiguresAsync<WeeklyPackFigures>(Kept, KeptReportKind.WeeklyPack, cancellationToken) is not ({ } copy, { } figures))
            {
                return NotFound();
            }

            (Pack, Voices, KeptCopy, ReadAt) = (figures.Pack, figures.Voices, copy, copy.GeneratedAt);
            Week = figures.Pack.Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            WeekChoices = [figures.Pack.Week];
            return Page();
        }

        if (!TryReadWeek(out var week))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        (Pack, Voices) = await WeeklyPackFigures.ReadAsync(reader, voices, week, cancellationToken);
        return Page();
    }

    /// <summary>Keeps a copy of the week's pack: its figures are read in the background, and the kept reports show how it is going.</summary>
    public IActionResult OnPostKeep()
    {
        if (!TryReadWeek(out var week))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        jobs.Queue(new WeeklyPackRequest(week), StaffMember.NameOf(User));
        return Redirect("/reports/kept");
    }

    private bool TryReadWeek(out DateOnly week)
    {
        ReadAt = time.GetUtcNow();
        var thisWeek = EarlyWarnings.WeekOf(DateOnly.FromDateTime(ReadAt.UtcDateTime));
        WeekChoices = [.. Enumerable.Range(0, WeeksBack + 1).Select(back => thisWeek.AddDays(-7 * back))];
        week = thisWeek.AddDays(-7);
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
            return false;
        }

        Week = week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }
}
