using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Portal.Features.Tracking;

/// <summary>
/// /track: a person's reference and passphrase open what happened to their feedback. The answer is a page, not a
/// redirect, so no cookie or session is needed; a wrong passphrase reads exactly like an unknown reference.
/// </summary>
public sealed class TrackModel(IFeedbackStore store, ReferenceCheck check) : PageModel
{
    /// <summary>The reference as typed.</summary>
    [BindProperty]
    public string? Reference { get; set; }

    /// <summary>The passphrase as typed.</summary>
    [BindProperty]
    public string? Passphrase { get; set; }

    /// <summary>What the reference opened, once it has.</summary>
    public TrackedFeedback? Found { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the reference and passphrase and shows what happened, or says they do not match.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await check.CheckAsync(
            Reference,
            Passphrase,
            FeedbackReference.FeedbackPrefix,
            store,
            async (reference, token) => await store.FindForTrackingAsync(reference, token),
            cancellationToken);

        switch (result)
        {
            case ReferenceCheckResult<TrackedFeedback>.Opened opened:
                Found = opened.Item;
                break;
            case ReferenceCheckResult<TrackedFeedback>.Malformed malformed:
                if (malformed.Reference)
                {
                    ModelState.AddModelError(nameof(Reference), "Enter your reference as it was shown to you, like QV-7K3M-9XQ2");
                }

                if (malformed.Passphrase)
                {
                    ModelState.AddModelError(nameof(Passphrase), "Enter your passphrase: the 4 words you were given");
                }

                break;
            case ReferenceCheckResult<TrackedFeedback>.Locked locked:
                var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
                ModelState.AddModelError(nameof(Reference),
                    $"There have been too many attempts with this reference. Try again after {TimeZoneInfo.ConvertTime(locked.Until, london):h:mmtt}.".Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal));
                break;
            default:
                ModelState.AddModelError(nameof(Reference), "We could not find feedback with that reference and passphrase. Check both and try again.");
                break;
        }

        return Page();
    }

    /// <summary>A status in plain words.</summary>
    public static string Describe(TriageStatus status) => status switch
    {
        TriageStatus.New => "Received. Our quality team will read it.",
        TriageStatus.Triaged => "Read by our quality team.",
        TriageStatus.InProgress => "Our team is looking into it.",
        TriageStatus.Responded => "We have replied.",
        _ => "Closed.",
    };
}
