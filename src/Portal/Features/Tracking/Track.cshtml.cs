using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Portal.Features.Tracking;

/// <summary>
/// /track: a person's reference and passphrase open what happened to their feedback: its status, the quality
/// team's reply, and the "you said, we did" updates that answer it; and, for someone who left an e-mail address,
/// a way to withdraw that consent, which deletes the address.
/// </summary>
public sealed class TrackModel(IFeedbackStore store, ReferenceCheck check, IDataProtectionProvider dataProtection, TimeProvider time)
    : ReferenceLookupModel<TrackedFeedback>(check)
{
    private readonly ReferenceToken _stopEmails = new(dataProtection, "QualityVoice.Feedback.StopEmails", time);

    /// <summary>The opened feedback's token, which lets this page stop e-mails about it for a while.</summary>
    [BindProperty]
    public string? StopToken { get; set; }

    /// <summary>That their e-mail address was deleted.</summary>
    public bool Stopped { get; private set; }

    /// <inheritdoc />
    protected override string Prefix => FeedbackReference.FeedbackPrefix;

    /// <inheritdoc />
    protected override string WhatItOpens => "feedback";

    /// <inheritdoc />
    protected override (string Prefix, string Path) Elsewhere => (FeedbackReference.SpeakUpPrefix, "/speak-up/case");

    /// <inheritdoc />
    protected override ITrackingAttemptLedger Ledger => store;

    /// <summary>A status in plain words.</summary>
    public static string Describe(TriageStatus status) => status switch
    {
        TriageStatus.New => "Received. Our quality team will read it.",
        TriageStatus.Triaged => "Read by our quality team.",
        TriageStatus.InProgress => "Our team is looking into it.",
        TriageStatus.Responded => "We have replied.",
        _ => "Closed.",
    };

    /// <summary>Deletes their e-mail address, so that nobody contacts them about this feedback again.</summary>
    public async Task<IActionResult> OnPostStopEmailsAsync(CancellationToken cancellationToken)
    {
        if (_stopEmails.Read(StopToken) is not { } reference || await store.FindForTrackingAsync(reference, cancellationToken) is null)
        {
            ModelState.AddModelError(nameof(Reference), "This page has been open too long. Enter your reference and passphrase again.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Stopped = await store.ForgetContactAsync(reference, cancellationToken);
        Show((await store.FindForTrackingAsync(reference, cancellationToken))!.Value.Item);
        return Page();
    }

    /// <inheritdoc />
    protected override void Show(TrackedFeedback item)
    {
        base.Show(item);
        StopToken = _stopEmails.Issue(item.Reference);
        ModelState.Remove(nameof(StopToken));
    }

    /// <inheritdoc />
    protected override Task<(TrackedFeedback Item, byte[] PassphraseHash)?> FindAsync(string reference, CancellationToken cancellationToken) =>
        store.FindForTrackingAsync(reference, cancellationToken);
}
