using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Analysis;
using QualityVoice.Analysis.Pii;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.Triage;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Features.Items;

/// <summary>
/// One item: what the person said with personal details hidden (the original only with a reason, audited), what
/// analysis found, and everything staff do to it — status, owner, escalation, corrected themes and sentiment,
/// internal notes, and a public reply that is checked for personal details before it appears on /track.
/// </summary>
public sealed class ItemModel(ITriageStore triage, IUrgentQueue urgent, IUpdateStore updates, ContentPack pack, StaffAccounts accounts, IAuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>The item's reference, from the address.</summary>
    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = string.Empty;

    /// <summary>The item.</summary>
    public TriageItem Item { get; private set; } = null!;

    /// <summary>Whether the original text is shown (after a reason was given).</summary>
    public bool ShowingOriginal { get; private set; }

    /// <summary>The content pack (taxonomy for the theme choices).</summary>
    public ContentPack Pack => pack;

    /// <summary>Staff who can own items.</summary>
    public IReadOnlyList<string> Assignees { get; private set; } = [];

    /// <summary>The "you said, we did" updates the item is linked to.</summary>
    public IReadOnlyList<UpdateSummary> LinkedUpdates { get; private set; } = [];

    /// <summary>The updates it could be added to (for staff who publish them).</summary>
    public IReadOnlyList<UpdateSummary> OtherUpdates { get; private set; } = [];

    /// <summary>Whether the signed-in member of staff writes and approves updates.</summary>
    public bool CanPublish => User.Admits(BackOfficePolicies.Publish);

    /// <summary>The update to add it to.</summary>
    [BindProperty]
    public string? Update { get; set; }

    /// <summary>What the last change did.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>The reason for showing the original text.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The status to move to.</summary>
    [BindProperty]
    public string? Status { get; set; }

    /// <summary>Why it is being closed.</summary>
    [BindProperty]
    public string? ClosureReason { get; set; }

    /// <summary>Who should own it.</summary>
    [BindProperty]
    public string? Assignee { get; set; }

    /// <summary>The escalation level.</summary>
    [BindProperty]
    public string? Level { get; set; }

    /// <summary>Why that level.</summary>
    [BindProperty]
    public string? EscalationReason { get; set; }

    /// <summary>The themes staff chose.</summary>
    [BindProperty]
    public List<string> Themes { get; set; } = [];

    /// <summary>The sentiment staff chose.</summary>
    [BindProperty]
    public string? Sentiment { get; set; }

    /// <summary>An internal note.</summary>
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The public reply.</summary>
    [BindProperty]
    public string? Reply { get; set; }

    /// <summary>What staff did first about an urgent item.</summary>
    [BindProperty]
    public string? FirstAction { get; set; }

    /// <summary>The risk a member of staff saw in an item the analysis did not flag.</summary>
    [BindProperty]
    public string? UrgencyReason { get; set; }

    /// <summary>Now, for the urgent clock.</summary>
    public DateTimeOffset Now { get; } = time.GetUtcNow();

    /// <summary>Shows the item, redacted; the view is audited.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        await AuditAsync(AuditActions.Viewed, "Opened the item", cancellationToken);
        return Page();
    }

    /// <summary>Shows the original text, once a reason is given; the reason goes in the audit log.</summary>
    public async Task<IActionResult> OnPostShowOriginalAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Item.OriginalsRemovedAt is not null)
        {
            return Invalid(nameof(Reason), "Their original words were removed under the retention policy: there are no personal details left to show");
        }

        if (string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length < 5)
        {
            return Invalid(nameof(Reason), "Enter why you need to see what the person wrote, with their personal details");
        }

        await AuditAsync(AuditActions.ViewedOriginal, "Reason: " + Reason.Trim(), cancellationToken);
        ShowingOriginal = true;
        return Page();
    }

    /// <summary>Moves the item along the workflow.</summary>
    public Task<IActionResult> OnPostStatusAsync(CancellationToken cancellationToken) => ChangeAsync(async (me, now) =>
    {
        if (!WireName<TriageStatus>.TryParse(Status, out var status))
        {
            return (nameof(Status), "Select a status");
        }

        if (status == TriageStatus.Closed && !TriageWorkflow.ClosureReasons.Contains(ClosureReason))
        {
            return (nameof(ClosureReason), "Select why it is being closed");
        }

        if (!TriageWorkflow.CanMove(Item.Item.Status, status))
        {
            return (nameof(Status), $"An item that is {TriageStatusText.Of(Item.Item.Status).ToLowerInvariant()} cannot move to {TriageStatusText.Of(status).ToLowerInvariant()}");
        }

        await triage.ChangeStatusAsync([Reference], status, ClosureReason, me, now, cancellationToken);
        return (null, $"Moved to {TriageStatusText.Of(status)}");
    }, cancellationToken);

    /// <summary>Gives the item to a member of staff.</summary>
    public Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken) => ChangeAsync(async (me, now) =>
    {
        var who = Assignee switch { "me" => me, "nobody" or "" or null => null, _ => Assignee };
        if (who is not null && !Assignees.Contains(who, StringComparer.Ordinal))
        {
            return (nameof(Assignee), "Choose who should own it from the list");
        }

        await triage.AssignAsync([Reference], who, me, now, cancellationToken);
        return (null, who is null ? "Unassigned" : $"Assigned to {who}");
    }, cancellationToken);

    /// <summary>Sets the escalation level.</summary>
    public Task<IActionResult> OnPostEscalateAsync(CancellationToken cancellationToken) => ChangeAsync(async (me, now) =>
    {
        if (!WireName<EscalationLevel>.TryParse(Level, out var level))
        {
            return (nameof(Level), "Select an escalation level");
        }

        if (string.IsNullOrWhiteSpace(EscalationReason))
        {
            return (nameof(EscalationReason), "Enter why this level is right");
        }

        await triage.EscalateAsync(Reference, level, EscalationReason.Trim(), me, now, cancellationToken);
        return (null, $"Escalation set to {EscalationText.Of(level)}");
    }, cancellationToken);

    /// <summary>Corrects the themes: a human label that overrides the model everywhere.</summary>
    public Task<IActionResult> OnPostThemesAsync(CancellationToken cancellationToken) => ChangeAsync(async (me, now) =>
    {
        var unknown = Themes.FirstOrDefault(theme => pack.Taxonomy.Find(theme) is null);
        if (unknown is not null)
        {
            return (nameof(Themes), $"'{unknown}' is not a theme in the framework");
        }

        if (Themes.Count == 0)
        {
            return (nameof(Themes), "Select at least one theme (\"Not assigned\" if none fits)");
        }

        await triage.CorrectThemesAsync(Reference, Themes, me, now, cancellationToken);
        return (null, "Themes corrected");
    }, cancellationToken);

    /// <summary>Corrects the sentiment: a human label that overrides the model everywhere.</summary>
    public Task<IActionResult> OnPostSentimentAsync(CancellationToken cancellationToken) => ChangeAsync(async (me, now) =>
    {
        if (!WireName<Sentiment>.TryParse(Sentiment, out var sentiment))
        {
            return (nameof(Sentiment), "Select the sentiment");
        }

        await triage.CorrectSentimentAsync(Reference, sentiment, me, now, cancellationToken);
        return (null, "Sentiment corrected");
    }, cancellationToken);

    /// <summary>Adds an internal note.</summary>
    public Task<IActionResult> OnPostNoteAsync(CancellationToken cancellationToken) => ChangeAsync(async (me, now) =>
    {
        if (string.IsNullOrWhiteSpace(Note))
        {
            return (nameof(Note), "Enter a note");
        }

        if (Note.Length > 5000)
        {
            return (nameof(Note), "Note must be 5,000 characters or fewer");
        }

        await triage.AddNoteAsync(Reference, Note.Trim(), me, now, cancellationToken);
        return (null, "Note added");
    }, cancellationToken);

    /// <summary>Publishes a reply on /track, after a second look for personal details.</summary>
    public Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken) => ChangeAsync(async (me, now) =>
    {
        if (string.IsNullOrWhiteSpace(Reply))
        {
            return (nameof(Reply), "Enter the reply");
        }

        if (Reply.Length > 2000)
        {
            return (nameof(Reply), "Reply must be 2,000 characters or fewer");
        }

        // Anyone with the reference and passphrase reads it: it must not name or identify anyone.
        var found = PiiRedactor.Redact(Reply).Spans.Select(span => span.Type).Distinct().ToArray();
        if (found.Length > 0)
        {
            return (nameof(Reply), $"Remove the personal details from the reply ({string.Join(", ", found)}): it is shown to anyone with the reference and passphrase");
        }

        await triage.PublishReplyAsync(Reference, Reply.Trim(), me, now, cancellationToken);
        return (null, Item.Item.ConsentedToContact
            ? "Reply published: the person sees it when they track their feedback, and is e-mailed to say it is there"
            : "Reply published: the person sees it when they track their feedback");
    }, cancellationToken);

    /// <summary>Records that an urgent item was read and what was done first, which stops its 24-hour clock.</summary>
    public Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken cancellationToken) => ChangeAsync(async (me, now) =>
    {
        if (!UrgentResponse.CanAcknowledge(Item))
        {
            // The form is no longer on the page, so the error names the item, not a field.
            return (NoField, Item.Acknowledged is { } read
                ? $"{read.By} already recorded reading it"
                : "Only urgent items are acknowledged");
        }

        if (!UrgentResponse.IsFirstAction(FirstAction))
        {
            return (nameof(FirstAction), "Select what you did first");
        }

        return await urgent.AcknowledgeAsync(Reference, new UrgentAcknowledgement(me, now, FirstAction!), cancellationToken)
            ? (null, $"Recorded that you read it. First action: {FirstAction}")
            : (nameof(FirstAction), "Somebody else recorded reading it just now: see the history");
    }, cancellationToken);

    /// <summary>Puts an item the analysis did not flag into the urgent queue, with the risk staff saw.</summary>
    public Task<IActionResult> OnPostMarkUrgentAsync(CancellationToken cancellationToken) => ChangeAsync(async (me, now) =>
    {
        if (!UrgentResponse.CanMarkUrgent(Item))
        {
            return Item.IsUrgent
                ? (NoField, "It is already urgent: it is in the urgent queue")
                : (nameof(Status), "It is closed: move it back to in progress before marking it urgent");
        }

        if (!UrgentResponse.IsUrgencyReason(UrgencyReason))
        {
            return (nameof(UrgencyReason), "Select what the risk is");
        }

        return await urgent.MarkUrgentAsync(Reference, new UrgentMarking(me, now, UrgencyReason!), cancellationToken)
            ? (null, "Marked urgent: it is in the urgent queue, to be read and acted on within 24 hours")
            : (nameof(UrgencyReason), "Somebody changed it just now: see the history");
    }, cancellationToken);

    /// <summary>Adds the item to a "you said, we did" update.</summary>
    public async Task<IActionResult> OnPostLinkAsync(CancellationToken cancellationToken)
    {
        if (!CanPublish)
        {
            return Forbid();
        }

        return await ChangeAsync(async (me, now) =>
        {
            if (OtherUpdates.FirstOrDefault(update => update.Slug == Update) is not { } chosen)
            {
                return (nameof(Update), "Choose the update to add it to");
            }

            await updates.LinkFeedbackAsync(chosen.Slug, [Reference], me, now, cancellationToken);
            return (null, $"Added to the update \"{chosen.Title}\"");
        }, cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(Func<string, DateTimeOffset, Task<(string? Field, string Message)>> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var me = StaffMember.NameOf(User);
        var (field, message) = await change(me, time.GetUtcNow());
        if (field is not null)
        {
            return Invalid(field, message);
        }

        await AuditAsync(AuditActions.Changed, message, cancellationToken);
        Done = message;
        return Redirect($"/inbox/{Reference}");
    }

    /// <summary>The key of an error about the item as a whole, shown in the error summary without a link.</summary>
    private const string NoField = "";

    private PageResult Invalid(string field, string message)
    {
        ModelState.AddModelError(field, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!FeedbackReference.TryNormalise(Reference, FeedbackReference.FeedbackPrefix, out var reference)
            || await triage.GetAsync(reference, cancellationToken) is not { } item)
        {
            return false;
        }

        Reference = reference;
        Item = item;
        Assignees = await StaffMember.AssigneesAsync(accounts, cancellationToken);
        LinkedUpdates = await updates.ForFeedbackAsync(reference, cancellationToken);
        if (CanPublish)
        {
            OtherUpdates = (await updates.ListAsync(cancellationToken))
                .Where(update => update.State != PublishingState.Unpublished && LinkedUpdates.All(linked => linked.Slug != update.Slug))
                .ToArray();
        }

        return true;
    }

    private Task AuditAsync(string action, string detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(time.GetUtcNow(), StaffMember.NameOf(User), action, Reference, detail), cancellationToken);
}
