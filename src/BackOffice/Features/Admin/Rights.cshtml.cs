using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.Rights;

namespace QualityVoice.BackOffice.Features.Admin;

/// <summary>
/// A person's rights over their feedback, for an administrator with its reference: what is held, a copy of all of it
/// (subject access, a JSON download) and erasure of every copy, each with the request's details in the audit log.
/// </summary>
public sealed class RightsModel(FeedbackRights rights) : PageModel
{
    /// <summary>The reference the person gave.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Reference { get; set; }

    /// <summary>The request: who asked, when and how, and how it was checked that they gave the feedback.</summary>
    [BindProperty]
    public string? RequestDetails { get; set; }

    /// <summary>The reference typed again, to confirm an erasure.</summary>
    [BindProperty]
    public string? Confirm { get; set; }

    /// <summary>What is held, once a reference is found.</summary>
    public HeldFeedback? Held { get; private set; }

    /// <summary>The updates linked to it.</summary>
    public IReadOnlyList<UpdateSummary> Updates { get; private set; } = [];

    /// <summary>What was done.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Shows the form, and what is held once a reference is given.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Reference is null)
        {
            return Page();
        }

        return await FindAsync(cancellationToken) ? Page() : Invalid();
    }

    /// <summary>Downloads everything held, as JSON.</summary>
    public async Task<IActionResult> OnPostCopyAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken) || !RequestGiven())
        {
            return Invalid();
        }

        var copy = await rights.CopyAsync(Held!.Item.Item.Reference, StaffMember.NameOf(User), RequestDetails!.Trim(), cancellationToken);
        return copy is null
            ? NotFound()
            : RightsRequest.Download(copy, copy.Reference);
    }

    /// <summary>Erases every copy, once the reference is typed again.</summary>
    public async Task<IActionResult> OnPostEraseAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken) || !RequestGiven())
        {
            return Invalid();
        }

        var reference = Held!.Item.Item.Reference;
        if (!FeedbackReference.TryNormalise(Confirm, FeedbackReference.FeedbackPrefix, out var confirmed) || confirmed != reference)
        {
            ModelState.AddModelError(nameof(Confirm), $"Type the reference {reference} again to confirm that this is the feedback to erase");
            return Invalid();
        }

        var erased = await rights.EraseAsync(reference, StaffMember.NameOf(User), RequestDetails!.Trim(), cancellationToken);
        if (erased is null)
        {
            return NotFound();
        }

        Done = $"{reference} is erased: {erased.Summary}. The audit log keeps the reference and the request, never the words.";
        return Redirect("/admin/rights");
    }

    private async Task<bool> FindAsync(CancellationToken cancellationToken)
    {
        if (!FeedbackReference.TryNormalise(Reference, FeedbackReference.FeedbackPrefix, out var reference))
        {
            ModelState.AddModelError(nameof(Reference), "Enter a feedback reference, like QV-7K3M-9XQ2 (speak-up cases are for the Freedom to Speak Up guardian)");
            return false;
        }

        Reference = reference;
        if (await rights.FindAsync(reference, cancellationToken) is not var (held, updates))
        {
            ModelState.AddModelError(nameof(Reference), $"Nothing is held with the reference {reference}: check it with the person (it may have been erased already)");
            return false;
        }

        (Held, Updates) = (held, updates);
        return true;
    }

    private bool RequestGiven() => RightsRequest.IsGiven(ModelState, nameof(RequestDetails), RequestDetails, "the person who gave the feedback");

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
