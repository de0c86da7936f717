using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.Triage;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Features.Inbox;

/// <summary>
/// The triage inbox: urgent items on a 24-hour clock at the top, then everything the filters match, newest first,
/// a page at a time, with counts for each filter value, and bulk assignment and status changes.
/// </summary>
public sealed class InboxModel(ITriageStore triage, IUrgentQueue urgent, IUpdateStore updates, ContentPack pack, StaffAccounts accounts, IAuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>How many items a page shows.</summary>
    public const int PageSize = 25;

    /// <summary>How much of what people said a row shows before its preview is opened.</summary>
    public const int LineLength = 90;

    /// <summary>The query string, bound from the request.</summary>
    [BindProperty(SupportsGet = true)]
    public InboxQuery Query { get; set; } = new();

    /// <summary>The page of items.</summary>
    public InboxPage Results { get; private set; } = new([], null);

    /// <summary>Counts for each filter value.</summary>
    public InboxCounts? Counts { get; private set; }

    /// <summary>Urgent items not yet closed: those nobody has acknowledged first, then the rest; oldest first in each.</summary>
    public IReadOnlyList<UrgentQueueRow> Urgent { get; private set; } = [];

    /// <summary>Staff who can be given items.</summary>
    public IReadOnlyList<string> Assignees { get; private set; } = [];

    /// <summary>The updates the selected items can be added to (for staff who publish them): every one not taken down.</summary>
    public IReadOnlyList<UpdateSummary> Updates { get; private set; } = [];

    /// <summary>Whether the signed-in member of staff writes and approves updates.</summary>
    public bool CanPublish => User.Admits(BackOfficePolicies.Publish);

    /// <summary>The content pack (services, taxonomy).</summary>
    public ContentPack Pack => pack;

    /// <summary>Now, for the urgent clock.</summary>
    public DateTimeOffset Now { get; } = time.GetUtcNow();

    /// <summary>What the last bulk action did, to say so at the top.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Shows the inbox.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = Query.ToFilter(pack, StaffMember.NameOf(User), ModelState);
        if (!ModelState.IsValid)
        {
            // A link with a value the inbox does not know: say which, rather than quietly showing everything.
            await LoadChoicesAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await LoadAsync(filter, cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>Assigns the selected items, or moves them to a status.</summary>
    public async Task<IActionResult> OnPostBulkAsync(
        [FromForm(Name = "selected")] string[]? selected,
        [FromForm(Name = "action")] string? action,
        [FromForm(Name = "assignee")] string? assignee,
        [FromForm(Name = "bulkStatus")] string? status,
        [FromForm(Name = "closureReason")] string? closureReason,
        [FromForm(Name = "update")] string? update,
        CancellationToken cancellationToken)
    {
        var references = (selected ?? []).Where(reference => FeedbackReference.TryNormalise(reference, FeedbackReference.FeedbackPrefix, out _)).ToArray();
        var me = StaffMember.NameOf(User);
        var now = time.GetUtcNow();
        if (references.Length == 0)
        {
            ModelState.AddModelError("selected", "Select at least one item");
        }

        switch (action)
        {
            case "assign" when ModelState.IsValid:
                var who = assignee switch { "me" => me, "nobody" or "" or null => null, _ => assignee };
                if (who is not null && !(await StaffMember.AssigneesAsync(accounts, cancellationToken)).Contains(who, StringComparer.Ordinal))
                {
                    ModelState.AddModelError("assignee", "Choose who should own them from the list");
                    break;
                }

                var assigned = await triage.AssignAsync(references, who, me, now, cancellationToken);
                await audit.RecordAsync(new AuditEntry(now, me, AuditActions.Changed, string.Join(' ', references), who is null ? "Unassigned" : $"Assigned to {who}"), cancellationToken);
                Done = $"{assigned} {(assigned == 1 ? "item" : "items")} {(who is null ? "unassigned" : $"assigned to {who}")}";
                break;
            case "status" when ModelState.IsValid:
                if (!WireName<TriageStatus>.TryParse(status, out var to))
                {
                    ModelState.AddModelError("bulkStatus", "Select a status");
                    break;
                }

                if (to == TriageStatus.Closed && !TriageWorkflow.ClosureReasons.Contains(closureReason))
                {
                    ModelState.AddModelError("closureReason", "Select why the items are closed");
                    break;
                }

                var moved = await triage.ChangeStatusAsync(references, to, closureReason, me, now, cancellationToken);
                await audit.RecordAsync(new AuditEntry(now, me, AuditActions.Changed, string.Join(' ', moved), $"Moved to {TriageStatusText.Of(to)}"), cancellationToken);
                var skipped = references.Length - moved.Count;
                Done = $"{moved.Count} {(moved.Count == 1 ? "item" : "items")} moved to {TriageStatusText.Of(to)}"
                    + (skipped > 0 ? $"; {skipped} could not move there from where they are" : string.Empty);
                break;
            case "link" when !CanPublish:
                return Forbid();
            case "link" when ModelState.IsValid:
                var title = (await updates.GetAsync(update ?? string.Empty, cancellationToken))?.Content.Title;
                if (title is null || await updates.LinkFeedbackAsync(update!, references, me, now, cancellationToken) is not { } linked)
                {
                    ModelState.AddModelError("update", "Choose the update to add them to");
                    break;
                }

                await audit.RecordAsync(new AuditEntry(now, me, AuditActions.Publishing, $"update:{update}", $"Linked {string.Join(' ', references)}"), cancellationToken);
                Done = $"{linked} {(linked == 1 ? "item" : "items")} added to the update \"{title}\""
                    + (linked < references.Length ? $"; {references.Length - linked} were on it already" : string.Empty);
                break;
            case "assign" or "status" or "link":
                break;
            default:
                ModelState.AddModelError("action", "Choose what to do with the selected items");
                break;
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(Query.ToFilter(pack, me, new()), cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect("/inbox" + Query.With());
    }

    /// <summary>How long an urgent item has left on its clock (negative when overdue).</summary>
    public TimeSpan TimeLeft(UrgentQueueRow entry) => UrgentResponse.DueBy(entry.UrgentSince) - Now;

    /// <summary>Where the bulk form posts: this view's address with the handler.</summary>
    public string BulkAction => "/inbox" + (Query.With() is { Length: > 0 } query ? query + "&" : "?") + "handler=Bulk";

    private async Task LoadAsync(InboxFilter filter, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        Urgent = await urgent.ListAsync(20, cancellationToken);
        try
        {
            (Results, Counts) = await triage.ViewAsync(filter, Query.Order, Query.After, PageSize, cancellationToken);
        }
        catch (InvalidCursorException)
        {
            ModelState.AddModelError("after", "This page link is broken or out of date: go back to the first page");
            Counts = await triage.CountAsync(filter, cancellationToken);
        }
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Assignees = await StaffMember.AssigneesAsync(accounts, cancellationToken);
        if (CanPublish)
        {
            Updates = (await updates.ListAsync(cancellationToken)).Where(summary => summary.State != PublishingState.Unpublished).ToArray();
        }
    }
}
