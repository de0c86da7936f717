using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Portal.Features.Tracking;

/// <summary>
/// A page where a reference and passphrase open something: /track for feedback, /speak-up/case for a concern.
/// The answer is a page, not a redirect, so no cookie or session is needed; a wrong passphrase reads exactly like
/// an unknown reference, and five failures lock the reference for a while (<see cref="ReferenceCheck"/>).
/// </summary>
/// <typeparam name="TItem">What the reference opens.</typeparam>
public abstract class ReferenceLookupModel<TItem>(ReferenceCheck check) : PageModel
    where TItem : class
{
    /// <summary>The reference as typed.</summary>
    [BindProperty]
    public string? Reference { get; set; }

    /// <summary>The passphrase as typed.</summary>
    [BindProperty]
    public string? Passphrase { get; set; }

    /// <summary>What the reference opened, once it has.</summary>
    public TItem? Found { get; private set; }

    /// <summary>The references' prefix: QV for feedback, SU for concerns.</summary>
    protected abstract string Prefix { get; }

    /// <summary>What the reference opens, in a few words ("feedback", "a concern"), for the not-found message.</summary>
    protected abstract string WhatItOpens { get; }

    /// <summary>
    /// The other kind of reference and the page that opens it (/track and /speak-up/case point at each other): a
    /// reference of that kind typed here is taken there.
    /// </summary>
    protected abstract (string Prefix, string Path) Elsewhere { get; }

    /// <summary>Where the failed attempts are counted.</summary>
    protected abstract ITrackingAttemptLedger Ledger { get; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the reference and passphrase and shows what they open, or says what is wrong.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Reference?.Trim() is { } typed && typed.StartsWith(Elsewhere.Prefix + "-", StringComparison.OrdinalIgnoreCase))
        {
            // 307 keeps the method and the form: the other page checks the reference and passphrase as if typed there.
            return RedirectPreserveMethod(Elsewhere.Path);
        }

        switch (await check.CheckAsync(Reference, Passphrase, Prefix, Ledger, FindAsync, cancellationToken))
        {
            case ReferenceCheckResult<TItem>.Opened opened:
                Show(opened.Item);
                break;
            case ReferenceCheckResult<TItem>.Malformed malformed:
                if (malformed.Reference)
                {
                    ModelState.AddModelError(nameof(Reference), $"Enter your reference as it was shown to you, like {Prefix}-7K3M-9XQ2");
                }

                if (malformed.Passphrase)
                {
                    ModelState.AddModelError(nameof(Passphrase), "Enter your passphrase: the 4 words you were given");
                }

                break;
            case ReferenceCheckResult<TItem>.Locked locked:
                ModelState.AddModelError(
                    nameof(Reference),
                    $"There have been too many attempts with this reference. Try again after {UkTime.Of(locked.Until):h:mmtt}.".Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal));
                break;
            default:
                ModelState.AddModelError(nameof(Reference), $"We could not find {WhatItOpens} with that reference and passphrase. Check both and try again.");
                break;
        }

        return Page();
    }

    /// <summary>Shows what the reference opened.</summary>
    protected virtual void Show(TItem item) => Found = item;

    /// <summary>Looks up what a (well-formed) reference opens, with its passphrase hash.</summary>
    protected abstract Task<(TItem Item, byte[] PassphraseHash)?> FindAsync(string reference, CancellationToken cancellationToken);
}
