using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.SpeakUp;

namespace QualityVoice.BackOffice.Features.SpeakUp;

/// <summary>
/// The guardians decide which speak-up figures the quality team's weekly insights pack shows (counts only, small
/// numbers hidden); until they do it shows none.
/// </summary>
public sealed class InsightsPackModel(ISpeakUpPackRelease release, IAuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>The figures chosen.</summary>
    [BindProperty]
    public List<string> Measures { get; set; } = [];

    /// <summary>The choice as it stands.</summary>
    public SpeakUpPackRelease Current { get; private set; } = SpeakUpPackRelease.Nothing;

    /// <summary>What was done.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Shows the choice.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await release.GetAsync(cancellationToken);
        Measures = [.. Current.Measures.Select(WireName<SpeakUpMeasure>.Of)];
    }

    /// <summary>Saves the choice.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var chosen = new List<SpeakUpMeasure>();
        foreach (var name in Measures)
        {
            if (!WireName<SpeakUpMeasure>.TryParse(name, out var measure))
            {
                ModelState.AddModelError(nameof(Measures), "Choose figures from the list");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                Current = await release.GetAsync(cancellationToken);
                return Page();
            }

            chosen.Add(measure);
        }

        var me = StaffMember.NameOf(User);
        var now = time.GetUtcNow();
        var released = new SpeakUpPackRelease([.. Enum.GetValues<SpeakUpMeasure>().Where(chosen.Contains)], me, now);
        await release.SaveAsync(released, cancellationToken);
        var words = released.Measures.Count == 0 ? "none" : string.Join(", ", released.Measures.Select(SpeakUpPackRelease.Text)).ToLowerInvariant();
        await audit.RecordAsync(new AuditEntry(now, me, AuditActions.Changed, "speak-up:insights-pack", $"Figures released to the weekly insights pack: {words}"), cancellationToken);
        Done = $"The weekly insights pack now shows: {words}.";
        return RedirectToPage();
    }
}
