using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Rights;
using QualityVoice.Feedback.SpeakUp;

namespace QualityVoice.BackOffice.Features.SpeakUp;

/// <summary>
/// One case as the guardian works it: the concern in the person's words, who they are when they chose to say (open
/// or confidential), the conversation, a reply they read with their reference and passphrase, and the status.
/// Every opening and change is in the audit log by reference only.
/// </summary>
public sealed class CaseModel(
    ISpeakUpStore store, ISpeakUpCasework casework, SpeakUpRights rights, IAuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>The case's reference, from the address.</summary>
    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = string.Empty;

    /// <summary>The reply.</summary>
    [BindProperty]
    public string? Reply { get; set; }

    /// <summary>A note for guardians.</summary>
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The status to move to.</summary>
    [BindProperty]
    public string? Status { get; set; }

    /// <summary>A subject access or erasure request: who asked, when and how, and how it was checked.</summary>
    [BindProperty]
    public string? RequestDetails { get; set; }

    /// <summary>The reference typed again, to confirm an erasure.</summary>
    [BindProperty]
    public string? Confirm { get; set; }

    /// <summary>The case.</summary>
    public SpeakUpCase Case { get; private set; } = null!;

    /// <summary>Who they are, for open and confidential cases; null for anonymous ones.</summary>
    public SpeakUpIdentity? Identity { get; private set; }

    /// <summary>Whether their details could not be read (the key that protected them is gone).</summary>
    public bool IdentityUnreadable { get; private set; }

    /// <summary>What the last change did.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Shows the case; the opening is audited.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        await AuditAsync(AuditActions.Viewed, Identity is null ? "Opened the case" : "Opened the case, with who raised it", cancellationToken);
        return Page();
    }

    /// <summary>Sends a reply, which the person reads when they open their concern.</summary>
    public async Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var reply = FeedbackText.Check(Reply, SpeakUpIntake.ConcernLimit, "Your reply");
        if (reply.Value is null)
        {
            ModelState.AddModelError(nameof(Reply), reply.Error ?? "Enter your reply");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var today = UkTime.DayOf(time.GetUtcNow());
        await store.AddMessageAsync(Reference, new SpeakUpMessage(true, reply.Value, today), cancellationToken);
        return await DoneAsync("Reply sent: they read it when they open their concern with their reference and passphrase", cancellationToken);
    }

    /// <summary>Adds a note that only guardians read.</summary>
    public async Task<IActionResult> OnPostNoteAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var note = FeedbackText.Check(Note, SpeakUpIntake.ConcernLimit, "The note");
        if (note.Value is null)
        {
            ModelState.AddModelError(nameof(Note), note.Error ?? "Enter a note");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await casework.AddNoteAsync(Reference, new SpeakUpNote(StaffMember.NameOf(User), note.Value, UkTime.DayOf(time.GetUtcNow())), cancellationToken);
        return await DoneAsync("Note added", cancellationToken);
    }

    /// <summary>Moves the case to a status.</summary>
    public async Task<IActionResult> OnPostStatusAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!WireName<SpeakUpStatus>.TryParse(Status, out var status))
        {
            ModelState.AddModelError(nameof(Status), "Select a status");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await casework.SetStatusAsync(Reference, status, UkTime.DayOf(time.GetUtcNow()), cancellationToken);
        return await DoneAsync($"Moved to {SpeakUpText.Status(status)}", cancellationToken);
    }

    /// <summary>Downloads everything held about the case (subject access), with the request in the audit log.</summary>
    public async Task<IActionResult> OnPostCopyAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!RequestGiven())
        {
            return Invalid();
        }

        var copy = await rights.CopyAsync(Reference, StaffMember.NameOf(User), RequestDetails!.Trim(), cancellationToken);
        return copy is null ? NotFound() : RightsRequest.Download(copy, copy.Reference);
    }

    /// <summary>Erases the case's details at the person's request, once the reference is typed again.</summary>
    public async Task<IActionResult> OnPostEraseAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!RequestGiven())
        {
            return Invalid();
        }

        if (!FeedbackReference.TryNormalise(Confirm, FeedbackReference.SpeakUpPrefix, out var confirmed) || confirmed != Reference)
        {
            ModelState.AddModelError(nameof(Confirm), $"Type the reference {Reference} again to confirm that these are the details to erase");
            return Invalid();
        }

        if (!await rights.EraseAsync(Reference, StaffMember.NameOf(User), RequestDetails!.Trim(), cancellationToken))
        {
            ModelState.AddModelError(nameof(Confirm), "This case's details have been removed already");
            return Invalid();
        }

        Done = "The case is closed and its details are erased. The audit log keeps the reference and the request, never the words.";
        return Redirect($"/speak-up/{Reference}");
    }

    private bool RequestGiven() => RightsRequest.IsGiven(ModelState, nameof(RequestDetails), RequestDetails, "the person who spoke up");

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult> DoneAsync(string done, CancellationToken cancellationToken)
    {
        await AuditAsync(AuditActions.Changed, done, cancellationToken);
        Done = done;
        return Redirect($"/speak-up/{Reference}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!FeedbackReference.TryNormalise(Reference, FeedbackReference.SpeakUpPrefix, out var reference)
            || await casework.GetAsync(reference, cancellationToken) is not { } found)
        {
            return false;
        }

        Reference = reference;
        Case = found;
        Identity = rights.IdentityOf(found, out var unreadable);
        IdentityUnreadable = unreadable;
        return true;
    }

    private Task AuditAsync(string action, string detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(time.GetUtcNow(), StaffMember.NameOf(User), action, Reference, detail), cancellationToken);
}
