using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace QualityVoice.Web.Forms;

/// <summary>
/// A form of several pages, one question each, ending in "check your answers", as the NHS service manual asks:
/// at one address, working without JavaScript or cookies. Each page posts the answers so far (an encrypted
/// draft), the page's own fields, and what was pressed (<c>Go</c>): continue, back, change-&lt;page&gt;, or send.
/// The first page is the same for everyone (no draft, no antiforgery token), so that it can be cached like any
/// public page: the draft starts when its answer is posted, and every later post must carry the antiforgery token.
/// Derived pages are marked <see cref="IgnoreAntiforgeryTokenAttribute"/>: this class checks the token itself.
/// </summary>
/// <typeparam name="TDraft">The answers so far.</typeparam>
/// <typeparam name="TStep">The pages, in order.</typeparam>
public abstract class JourneyPageModel<TDraft, TStep>(FormDraftProtector<TDraft> drafts, IAntiforgery antiforgery) : PageModel
    where TDraft : class
    where TStep : struct, Enum
{
    /// <summary>The encrypted answers so far.</summary>
    [BindProperty]
    public string? Draft { get; set; }

    /// <summary>The page the person was on.</summary>
    [BindProperty]
    public string? Step { get; set; }

    /// <summary>What they pressed.</summary>
    [BindProperty]
    public string? Go { get; set; }

    /// <summary>The page to show.</summary>
    public TStep CurrentStep { get; private set; }

    /// <summary>The answers so far.</summary>
    public TDraft Current { get; private set; } = null!;

    /// <summary>Set when the answers timed out or were tampered with.</summary>
    public bool Expired { get; private set; }

    /// <summary>The first page as everyone gets it: no answers yet, so no draft and no antiforgery token.</summary>
    public bool Fresh { get; private set; }

    /// <summary>The first page.</summary>
    protected abstract TStep FirstStep { get; }

    /// <summary>The check-your-answers page.</summary>
    protected abstract TStep CheckStep { get; }

    /// <summary>Shows the first page, the same for everyone.</summary>
    public void OnGet()
    {
        Fresh = true;
        CurrentStep = FirstStep;
        Current = Start();
        LoadInputs(Current);
    }

    /// <summary>Moves between pages, checking each page's answers, and sends from the last.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var step = Enum.TryParse<TStep>(Step, ignoreCase: true, out var parsed) ? parsed : FirstStep;
        TDraft? draft;
        if (string.IsNullOrEmpty(Draft) && EqualityComparer<TStep>.Default.Equals(step, FirstStep))
        {
            // The first answer: the draft starts now.
            draft = Start();
        }
        else
        {
            if (!await antiforgery.IsRequestValidAsync(HttpContext))
            {
                return BadRequest();
            }

            if (!drafts.TryUnprotect(Draft, out draft) || draft is null)
            {
                Expired = true;
                return Page();
            }
        }

        if (Go == "back")
        {
            return Show(Previous(step, draft), draft);
        }

        if (Go?.StartsWith("change-", StringComparison.Ordinal) == true
            && Enum.TryParse<TStep>(Go["change-".Length..], ignoreCase: true, out var change))
        {
            return Show(change, draft);
        }

        if (EqualityComparer<TStep>.Default.Equals(step, CheckStep) && Go == "send")
        {
            if (FirstUnanswered(draft) is { } missing)
            {
                return Show(missing, draft);
            }

            return await SendAsync(draft, cancellationToken);
        }

        var updated = Apply(step, draft);
        if (!ModelState.IsValid)
        {
            return Show(step, draft, keepInput: true);
        }

        var next = ReachedCheck(updated) ? CheckStep : Next(step, updated);
        return Show(next, EqualityComparer<TStep>.Default.Equals(next, CheckStep) ? WithReachedCheck(updated) : updated);
    }

    /// <summary>Shows a page of the form with the answers so far.</summary>
    protected PageResult Show(TStep step, TDraft draft, bool keepInput = false)
    {
        CurrentStep = step;
        Current = draft;
        Draft = drafts.Protect(draft);
        if (!keepInput)
        {
            LoadInputs(draft);
        }

        return Page();
    }

    /// <summary>A new draft: no answers, a new submission key, started now.</summary>
    protected abstract TDraft Start();

    /// <summary>Checks the page's fields (adding errors to ModelState) and returns the draft with them.</summary>
    protected abstract TDraft Apply(TStep step, TDraft draft);

    /// <summary>Fills the page's fields from the draft.</summary>
    protected abstract void LoadInputs(TDraft draft);

    /// <summary>The page after this one.</summary>
    protected abstract TStep Next(TStep step, TDraft draft);

    /// <summary>The page before this one.</summary>
    protected abstract TStep Previous(TStep step, TDraft draft);

    /// <summary>The first page still to answer, if any (send goes there instead).</summary>
    protected abstract TStep? FirstUnanswered(TDraft draft);

    /// <summary>Whether the person has reached the check page (so continue returns there).</summary>
    protected abstract bool ReachedCheck(TDraft draft);

    /// <summary>The draft, marked as having reached the check page.</summary>
    protected abstract TDraft WithReachedCheck(TDraft draft);

    /// <summary>Sends the answers.</summary>
    protected abstract Task<IActionResult> SendAsync(TDraft draft, CancellationToken cancellationToken);
}
