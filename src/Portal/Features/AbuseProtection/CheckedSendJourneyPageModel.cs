using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using QualityVoice.Feedback.Intake;
using QualityVoice.Web.Forms;
using QualityVoice.Web.Hosting;

namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>
/// A public form that ends by sending what the person wrote to an intake, behind the bot check: a person the check
/// turns away keeps their answers and is told to wait and send again; a form sent once, changed with Back and sent
/// again is a second submission, not a repeat of the first; what the intake finds wrong is shown on the check page.
/// </summary>
/// <typeparam name="TDraft">The answers so far.</typeparam>
/// <typeparam name="TStep">The pages, in order.</typeparam>
public abstract partial class CheckedSendJourneyPageModel<TDraft, TStep>(
    FormDraftProtector<TDraft> drafts,
    IAntiforgery antiforgery,
    IBotCheck botCheck,
    ClientKeys clientKeys,
    ILogger logger) : JourneyPageModel<TDraft, TStep>(drafts, antiforgery)
    where TDraft : class
    where TStep : struct, Enum
{
    /// <summary>Set when the intake has stored what was sent.</summary>
    public IntakeResult.Accepted? Receipt { get; private set; }

    /// <summary>The bot check in use, for the send form.</summary>
    public BotCheckView BotCheck => new(botCheck.Mode, Form);

    /// <summary>The form's name, for the bot check and the log: <c>feedback</c>, <c>speak-up</c>.</summary>
    protected abstract string Form { get; }

    /// <summary>The label of the send button, as the person is told to press it again.</summary>
    protected abstract string SendButton { get; }

    /// <summary>When the person started, for the bot check's minimum fill time.</summary>
    protected abstract DateTimeOffset StartedAt(TDraft draft);

    /// <summary>The draft with a new submission key.</summary>
    protected abstract TDraft WithNewSubmissionKey(TDraft draft);

    /// <summary>Sends the answers to the intake under the draft's submission key.</summary>
    protected abstract Task<IntakeResult> SubmitAsync(TDraft draft, CancellationToken cancellationToken);

    /// <inheritdoc />
    protected sealed override async Task<IActionResult> SendAsync(TDraft draft, CancellationToken cancellationToken)
    {
        var verdict = await botCheck.VerifyAsync(
            new BotCheckEvidence(Form, Request.Form["bot-check"], Request.Form[HoneypotBotCheck.FieldName], StartedAt(draft), clientKeys.For(HttpContext)),
            cancellationToken);
        if (!verdict.Passed)
        {
            LogBotCheckFailed(logger, Form, verdict.Reason);
            ModelState.AddModelError(string.Empty, $"We could not check that you are a person. Wait a moment, then press {SendButton} again.");
            return Show(CheckStep, draft);
        }

        var result = await SubmitAsync(draft, cancellationToken);
        if (result is IntakeResult.KeyReused)
        {
            // Sent once, then changed (with Back) and sent again: the second is a submission of its own.
            draft = WithNewSubmissionKey(draft);
            result = await SubmitAsync(draft, cancellationToken);
        }

        if (result is IntakeResult.Accepted accepted)
        {
            Receipt = accepted;
        }
        else if (result is IntakeResult.Invalid invalid)
        {
            foreach (var (_, message) in invalid.Errors)
            {
                ModelState.AddModelError(string.Empty, message);
            }
        }

        return Show(CheckStep, draft);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Form} form failed the bot check: {Reason}")]
    private static partial void LogBotCheckFailed(ILogger logger, string form, string? reason);
}
