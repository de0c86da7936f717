using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Feedback;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Portal.Features.SpeakUp;

/// <summary>
/// /speak-up/case: the person who spoke up opens their case with its reference and passphrase to read the
/// guardian's replies. As with /track, a wrong passphrase reads like an unknown reference and five failures lock it.
/// </summary>
public sealed class CaseModel(ISpeakUpStore store, ReferenceCheck check) : PageModel
{
    /// <summary>The reference as typed.</summary>
    [BindProperty]
    public string? Reference { get; set; }

    /// <summary>The passphrase as typed.</summary>
    [BindProperty]
    public string? Passphrase { get; set; }

    /// <summary>The case, once opened.</summary>
    public SpeakUpCaseSummary? Found { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Opens the case, or says the reference and passphrase do not match.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await check.CheckAsync(
            Reference,
            Passphrase,
            FeedbackReference.SpeakUpPrefix,
            store,
            async (reference, token) => await store.FindForReporterAsync(reference, token),
            cancellationToken);
        switch (result)
        {
            case ReferenceCheckResult<SpeakUpCaseSummary>.Opened opened:
                Found = opened.Item;
                break;
            case ReferenceCheckResult<SpeakUpCaseSummary>.Malformed malformed:
                if (malformed.Reference)
                {
                    ModelState.AddModelError(nameof(Reference), "Enter your reference as it was shown to you, like SU-7K3M-9XQ2");
                }

                if (malformed.Passphrase)
                {
                    ModelState.AddModelError(nameof(Passphrase), "Enter your passphrase: the 4 words you were given");
                }

                break;
            case ReferenceCheckResult<SpeakUpCaseSummary>.Locked:
                ModelState.AddModelError(nameof(Reference), "There have been too many attempts with this reference. Try again in 15 minutes.");
                break;
            default:
                ModelState.AddModelError(nameof(Reference), "We could not find a concern with that reference and passphrase. Check both and try again.");
                break;
        }

        return Page();
    }
}
