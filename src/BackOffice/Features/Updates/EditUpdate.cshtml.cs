using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Content;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.BackOffice.Features.Updates;

/// <summary>
/// Writing an update (at /updates/new) or its next version (at /updates/{slug}/edit): a plain form, with the
/// Markdown editor as an enhancement, and a preview through the portal's own Markdown pipeline.
/// </summary>
public sealed class EditUpdateModel(IUpdateStore updates, ContentPack pack, IAuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>The update's address; null when starting one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Slug { get; set; }

    /// <summary>The fields.</summary>
    [BindProperty]
    public UpdateForm Form { get; set; } = new();

    /// <summary>The version this edit starts from, to refuse overwriting a colleague's newer one.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>What "what we did" will look like, after Preview.</summary>
    public string? PreviewHtml { get; private set; }

    /// <summary>The content pack: themes, services, priorities and I statements to choose from.</summary>
    public ContentPack Pack => pack;

    /// <summary>Whether this starts a new update.</summary>
    public bool IsNew => Slug is null;

    /// <summary>Shows the form, empty or with the latest version.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (IsNew)
        {
            Form = new UpdateForm { Progress = "planned" }.WithSpareSteps();
            return Page();
        }

        if (await updates.GetAsync(Slug!, cancellationToken) is not { } update)
        {
            return NotFound();
        }

        Form = UpdateForm.From(update.Content);
        Version = update.Version;
        return Page();
    }

    /// <summary>Shows the form again with "what we did" rendered as the portal will show it.</summary>
    public IActionResult OnPostPreview()
    {
        Form.WithSpareSteps();
        PreviewHtml = MarkdownRenderer.ToHtml(Form.Body ?? string.Empty);
        return Page();
    }

    /// <summary>The preview alone, for the editor's preview pane.</summary>
    public ContentResult OnPostPreviewFragment() =>
        Content(MarkdownRenderer.ToHtml(Form.Body ?? string.Empty), "text/html; charset=utf-8");

    /// <summary>Saves a new draft, or a new version of this one.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var content = Form.Validate(pack, ModelState, nameof(Form));
        Form.WithSpareSteps();
        if (content is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var me = StaffMember.NameOf(User);
        var now = time.GetUtcNow();
        string slug;
        if (IsNew)
        {
            // Not an address the pack's own updates use, nor /updates/new.
            slug = await updates.CreateAsync(UpdateForm.SlugFor(content.Title), taken => taken == "new" || pack.FindUpdate(taken) is not null, content, me, now, cancellationToken);
        }
        else
        {
            slug = Slug!;
            switch (await updates.EditAsync(slug, Version, content, me, now, cancellationToken))
            {
                case UpdateChangeOutcome.NotFound:
                    return NotFound();
                case UpdateChangeOutcome.Stale:
                    ModelState.AddModelError($"{nameof(Form)}.{nameof(UpdateForm.Title)}", "Someone saved a newer version while you were editing: open the update again to see it, then make your changes");
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    return Page();
            }
        }

        await audit.RecordAsync(new AuditEntry(now, me, AuditActions.Publishing, $"update:{slug}", IsNew ? "Started a draft" : "Saved a new version"), cancellationToken);
        TempData["Done"] = IsNew ? "Draft saved" : "New version saved";
        return Redirect($"/updates/{slug}");
    }
}
