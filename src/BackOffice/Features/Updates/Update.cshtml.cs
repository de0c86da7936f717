using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Features.Updates;

/// <summary>
/// One update: its latest version as the portal will show it, the feedback it answers, and the next step in its
/// workflow — send for review, approve (now or at a set time) or send back, unpublish with a reason.
/// </summary>
public sealed class UpdateModel(
    IUpdateStore updates, ContentPack pack, IAuditLog audit, TimeProvider time, IOptions<PublishingOptions> options, IStaffNotices notices, StaffAccounts accounts) : PageModel
{
    /// <summary>The update's address.</summary>
    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = string.Empty;

    /// <summary>The version the action is about, to refuse acting on one a colleague has since replaced.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>"now" or "later".</summary>
    [BindProperty]
    public string? When { get; set; }

    /// <summary>The day to publish on (yyyy-MM-dd), UK time.</summary>
    [BindProperty]
    public string? PublishDate { get; set; }

    /// <summary>The time to publish at (HH:mm), UK time.</summary>
    [BindProperty]
    public string? PublishTime { get; set; }

    /// <summary>Why it is sent back or unpublished.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Why it is taken off the portal.</summary>
    [BindProperty]
    public string? UnpublishReason { get; set; }

    /// <summary>The feedback to take off the update.</summary>
    [BindProperty]
    public string? Reference { get; set; }

    /// <summary>The update.</summary>
    public YouSaidWeDidUpdate Update { get; private set; } = null!;

    /// <summary>The latest version's "we did", rendered as the portal will show it.</summary>
    public string BodyHtml { get; private set; } = string.Empty;

    /// <summary>The content pack.</summary>
    public ContentPack Pack => pack;

    /// <summary>Whether the signed-in member of staff may approve the version under review (they did not write or send it).</summary>
    public bool CanApprove => Update.State == PublishingState.ReadyForReview
        && !string.Equals(Update.SubmittedBy, Me, StringComparison.OrdinalIgnoreCase)
        && !string.Equals(Update.EditedBy, Me, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the update is on the portal.</summary>
    public string PortalAddress => options.Value.PortalAddress($"/you-said-we-did/{Slug}");

    /// <summary>What the last action did.</summary>
    [TempData]
    public string? Done { get; set; }

    private string Me => StaffMember.NameOf(User);

    /// <summary>Shows the update.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Sends the latest version for a second person to review.</summary>
    public Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) => ActAsync(
        now => updates.SubmitForReviewAsync(Slug, Version, Me, now, cancellationToken),
        "Sent for review: a colleague in the quality or engagement team can now approve it, and they have been e-mailed",
        cancellationToken,
        async (update, _) =>
        {
            var reviewers = new List<string>();
            foreach (var role in BackOfficePolicies.Roles[BackOfficePolicies.Publish])
            {
                reviewers.AddRange(await accounts.EmailsInRoleAsync(role));
            }

            return PublishingNotices.ForReview(update, Me, reviewers, options.Value);
        });

    /// <summary>Approves the version under review, to go live now or at a set time.</summary>
    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        DateTimeOffset publishAt = now;
        if (When == "later")
        {
            if (!DateOnly.TryParseExact(PublishDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year is < 2000 or > 2099)
            {
                return await InvalidAsync(nameof(PublishDate), "Enter the day to publish, for example 2026-12-01", cancellationToken);
            }

            if (!TimeOnly.TryParseExact(PublishTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
            {
                return await InvalidAsync(nameof(PublishTime), "Enter the time to publish, for example 09:00", cancellationToken);
            }

            publishAt = UkTime.At(day, clock);
            if (publishAt <= now)
            {
                return await InvalidAsync(nameof(PublishDate), "The time to publish must be in the future, or choose to publish now", cancellationToken);
            }
        }
        else if (When != "now")
        {
            return await InvalidAsync(nameof(When), "Select when to publish it", cancellationToken);
        }

        return await ActAsync(
            at => updates.ApproveAsync(Slug, Version, publishAt, Me, at, cancellationToken),
            publishAt <= now ? "Approved and published" : $"Approved: it goes live on {UkTime.Of(publishAt):d MMMM yyyy 'at' HH:mm}",
            cancellationToken,
            (update, at) => Task.FromResult(PublishingNotices.Approved(update, Me, publishAt, at, options.Value)));
    }

    /// <summary>Sends the version under review back to draft, with why.</summary>
    public async Task<IActionResult> OnPostSendBackAsync(CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(Reason)
            ? await InvalidAsync(nameof(Reason), "Enter what needs to change", cancellationToken)
            : await ActAsync(
                now => updates.SendBackAsync(Slug, Version, Reason.Trim(), Me, now, cancellationToken),
                "Sent back to draft",
                cancellationToken,
                (update, _) => Task.FromResult(PublishingNotices.SentBack(update, Me, Reason.Trim(), options.Value)));

    /// <summary>Takes the update off the portal, with why.</summary>
    public async Task<IActionResult> OnPostUnpublishAsync(CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(UnpublishReason)
            ? await InvalidAsync(nameof(UnpublishReason), "Enter why it is being taken down", cancellationToken)
            : await ActAsync(now => updates.UnpublishAsync(Slug, UnpublishReason.Trim(), Me, now, cancellationToken), "Unpublished: it is no longer on the portal", cancellationToken);

    /// <summary>Takes a feedback item off the update.</summary>
    public async Task<IActionResult> OnPostUnlinkAsync(CancellationToken cancellationToken)
    {
        if (!FeedbackReference.TryNormalise(Reference, FeedbackReference.FeedbackPrefix, out var reference))
        {
            return await InvalidAsync(nameof(Reference), "That is not a feedback reference", cancellationToken);
        }

        var now = time.GetUtcNow();
        if (!await updates.UnlinkFeedbackAsync(Slug, reference, Me, now, cancellationToken))
        {
            return NotFound();
        }

        await audit.RecordAsync(new AuditEntry(now, Me, AuditActions.Publishing, $"update:{Slug}", $"Removed {reference}"), cancellationToken);
        Done = $"{reference} removed from the update";
        return Redirect($"/updates/{Slug}");
    }

    private async Task<IActionResult> ActAsync(
        Func<DateTimeOffset, Task<UpdateChangeOutcome>> act,
        string done,
        CancellationToken cancellationToken,
        Func<YouSaidWeDidUpdate, DateTimeOffset, Task<IReadOnlyList<StaffNotice>>>? tell = null)
    {
        var now = time.GetUtcNow();
        // Read before the change: who sent it for review is known until a decision clears it.
        var before = tell is null ? null : await updates.GetAsync(Slug, cancellationToken);
        switch (await act(now))
        {
            case UpdateChangeOutcome.NotFound:
                return NotFound();
            case UpdateChangeOutcome.Stale:
                return await InvalidAsync(nameof(Version), "Someone saved a newer version since you opened this page: read it, then try again", cancellationToken, StatusCodes.Status409Conflict);
            case UpdateChangeOutcome.WrongState:
                return await InvalidAsync(nameof(Version), "The update has moved on since you opened this page: read where it is now", cancellationToken, StatusCodes.Status409Conflict);
            case UpdateChangeOutcome.SameReviewer:
                return await InvalidAsync(nameof(Version), "A second person must approve it: you wrote part of it since it was last approved, or sent it for review, so ask a colleague in the quality or engagement team", cancellationToken, StatusCodes.Status403Forbidden);
        }

        await audit.RecordAsync(new AuditEntry(now, Me, AuditActions.Publishing, $"update:{Slug}", done), cancellationToken);
        if (tell is not null && before is not null && await tell(before, now) is { Count: > 0 } told)
        {
            await notices.QueueAsync(told, now, cancellationToken);
        }

        Done = done;
        return Redirect($"/updates/{Slug}");
    }

    private async Task<IActionResult> InvalidAsync(string field, string message, CancellationToken cancellationToken, int status = StatusCodes.Status400BadRequest)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.AddModelError(field, message);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await updates.GetAsync(Slug, cancellationToken) is not { } update)
        {
            return false;
        }

        Update = update;
        BodyHtml = MarkdownRenderer.ToHtml(update.Content.BodyMarkdown);
        return true;
    }
}
