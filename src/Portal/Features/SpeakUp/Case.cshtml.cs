using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using QualityVoice.Feedback;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Tracking;
using QualityVoice.Portal.Features.Tracking;

namespace QualityVoice.Portal.Features.SpeakUp;

/// <summary>
/// /speak-up/case: the person who spoke up opens their case with its reference and passphrase, on the same terms as
/// /track, reads the guardian's replies and answers them. Answering needs no session: the opened page carries a
/// signed, short-lived token for its own case.
/// </summary>
public sealed class CaseModel(ISpeakUpStore store, TrackingAttemptLedgers ledgers, ReferenceCheck check, IDataProtectionProvider dataProtection, TimeProvider time)
    : ReferenceLookupModel<SpeakUpCaseSummary>(check)
{
    private readonly ReferenceToken _replies = new(dataProtection, "QualityVoice.SpeakUp.Reply", time);

    /// <summary>Their message to the guardian.</summary>
    [BindProperty]
    public string? Message { get; set; }

    /// <summary>The opened case's token, which lets this page send a reply for a while.</summary>
    [BindProperty]
    public string? ReplyToken { get; set; }

    /// <summary>That their message was sent.</summary>
    public bool Sent { get; private set; }

    /// <inheritdoc />
    protected override string Prefix => FeedbackReference.SpeakUpPrefix;

    /// <inheritdoc />
    protected override (string Prefix, string Path) Elsewhere => (FeedbackReference.FeedbackPrefix, "/track");

    /// <inheritdoc />
    protected override string WhatItOpens => "a concern";

    /// <inheritdoc />
    protected override ITrackingAttemptLedger Ledger => ledgers.SpeakUp;

    /// <summary>Sends their message to the guardian and shows the case again.</summary>
    public async Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken)
    {
        if (_replies.Read(ReplyToken) is not { } reference || await store.FindForReporterAsync(reference, cancellationToken) is not { } found)
        {
            ModelState.AddModelError(nameof(Reference), "This page has been open too long to send a message. Enter your reference and passphrase again.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var message = FeedbackText.Check(Message, SpeakUpIntake.ConcernLimit, "Your message");
        if (message.Value is null)
        {
            ModelState.AddModelError(nameof(Message), message.Error ?? "Enter your message to the guardian");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Show(found.Case);
            return Page();
        }

        var today = UkTime.DayOf(time.GetUtcNow());
        await store.AddMessageAsync(reference, new SpeakUpMessage(false, message.Value, today), cancellationToken);
        Show((await store.FindForReporterAsync(reference, cancellationToken))!.Value.Case);
        Message = null;
        ModelState.Remove(nameof(Message));
        Sent = true;
        return Page();
    }

    /// <inheritdoc />
    protected override Task<(SpeakUpCaseSummary Item, byte[] PassphraseHash)?> FindAsync(string reference, CancellationToken cancellationToken) =>
        store.FindForReporterAsync(reference, cancellationToken);

    /// <inheritdoc />
    protected override void Show(SpeakUpCaseSummary item)
    {
        base.Show(item);
        ReplyToken = _replies.Issue(item.Reference);
        ModelState.Remove(nameof(ReplyToken));
    }
}
