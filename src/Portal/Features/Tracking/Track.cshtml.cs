using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using QualityVoice.Analysis.Pii;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Tracking;
using QualityVoice.Feedback.Triage;
using QualityVoice.Portal.Features.Feedback;

namespace QualityVoice.Portal.Features.Tracking;

/// <summary>
/// /track: a person's reference and passphrase open what happened to their feedback: its status, the conversation
/// with the quality team (whose replies they can answer, anonymously as they gave it), and the "you said, we did"
/// updates that answer it; and, for someone who left an e-mail address, a way to withdraw that consent, which
/// deletes the address. Answering needs no session: the opened page carries a signed, short-lived token.
/// </summary>
public sealed class TrackModel(
    ITrackingLookup store, TrackingAttemptLedgers ledgers, ReferenceCheck check, IDataProtectionProvider dataProtection, TimeProvider time, IFeedbackConversation conversation)
    : ReferenceLookupModel<TrackedFeedback>(check)
{
    private readonly ReferenceToken _stopEmails = new(dataProtection, "QualityVoice.Feedback.StopEmails", time);
    private readonly ReferenceToken _answers = new(dataProtection, "QualityVoice.Feedback.Answer", time);

    /// <summary>Their answer to the team's reply.</summary>
    [BindProperty]
    public string? Answer { get; set; }

    /// <summary>The opened feedback's token, which lets this page send an answer for a while.</summary>
    [BindProperty]
    public string? AnswerToken { get; set; }

    /// <summary>That their answer was sent.</summary>
    public bool Answered { get; private set; }

    /// <summary>That what they answered says a life may be at risk: show where to get help now.</summary>
    public bool NeedsHelpNow { get; private set; }

    /// <summary>Whether the person may answer: once the quality team has replied.</summary>
    public bool CanAnswer => Found?.CanAnswer == true;

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
    protected override ITrackingAttemptLedger Ledger => ledgers.Feedback;

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

    /// <summary>Sends their answer to the quality team and shows the feedback again.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken cancellationToken)
    {
        if (_answers.Read(AnswerToken) is not { } reference || await store.FindForTrackingAsync(reference, cancellationToken) is not { } found)
        {
            ModelState.AddModelError(nameof(Reference), "This page has been open too long to send an answer. Enter your reference and passphrase again.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var answer = FeedbackText.Check(Answer, FeedbackText.AnswerLimit, "Your answer");
        if (answer.Value is null || !found.Item.CanAnswer)
        {
            ModelState.AddModelError(nameof(Answer), found.Item.CanAnswer ? answer.Error ?? "Enter your answer" : "You can answer once we have replied");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Show(found.Item);
            return Page();
        }

        var message = new FeedbackMessage(true, answer.Value, PiiRedactor.Redact(answer.Value).RedactedText, time.GetUtcNow());
        await conversation.AnswerAsync(reference, message, TriageWorkflow.AfterThePersonAnswers(found.Item.Status), UrgentResponse.IsUrgentAnswer(answer.Value), cancellationToken);
        Show((await store.FindForTrackingAsync(reference, cancellationToken))!.Value.Item);
        Answered = true;
        NeedsHelpNow = HelpNow.IsNeeded(answer.Value);
        Answer = null;
        ModelState.Remove(nameof(Answer));
        return Page();
    }

    /// <inheritdoc />
    protected override void Show(TrackedFeedback item)
    {
        base.Show(item);
        StopToken = _stopEmails.Issue(item.Reference);
        AnswerToken = _answers.Issue(item.Reference);
        ModelState.Remove(nameof(StopToken));
        ModelState.Remove(nameof(AnswerToken));
    }

    /// <inheritdoc />
    protected override Task<(TrackedFeedback Item, byte[] PassphraseHash)?> FindAsync(string reference, CancellationToken cancellationToken) =>
        store.FindForTrackingAsync(reference, cancellationToken);
}
