using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Feedback.Audit;

namespace QualityVoice.BackOffice.Features.Audit;

/// <summary>
/// The audit log, newest first, filtered by who, what kind of action, and what it was about. Administrators read
/// it at <c>/admin/audit</c> without the entries about Freedom to Speak Up, which only guardians read, at
/// <c>/speak-up/audit</c>: even "opened the case, with who raised it" tells which concerns are confidential.
/// </summary>
public sealed class AuditModel(IAuditLog audit) : PageModel
{
    /// <summary>Which part of the log this address shows.</summary>
    public AuditArea Area => Request.Path.StartsWithSegments("/speak-up") ? AuditArea.SpeakUp : AuditArea.AllButSpeakUp;

    /// <summary>This view's address.</summary>
    public string Address => Area == AuditArea.SpeakUp ? "/speak-up/audit" : "/admin/audit";

    /// <summary>Only this member of staff's entries.</summary>
    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? Actor { get; set; }

    /// <summary>Only this kind of action.</summary>
    [BindProperty(SupportsGet = true, Name = "action")]
    public string? Action { get; set; }

    /// <summary>Only about this reference, export or account.</summary>
    [BindProperty(SupportsGet = true, Name = "subject")]
    public string? Subject { get; set; }

    /// <summary>The page to show: entries older than this id.</summary>
    [BindProperty(SupportsGet = true, Name = "before")]
    public long? Before { get; set; }

    /// <summary>The entries.</summary>
    public IReadOnlyList<(long Id, AuditEntry Entry)> Entries { get; private set; } = [];

    /// <summary>The next page's id.</summary>
    public long? Next { get; private set; }

    /// <summary>Shows the log.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.Admits(Area == AuditArea.SpeakUp ? BackOfficePolicies.SpeakUp : BackOfficePolicies.Administer))
        {
            return Forbid();
        }

        if (!string.IsNullOrEmpty(Action) && !AuditActions.All.Contains(Action))
        {
            ModelState.AddModelError("action", $"'{Action}' is not an action the log records: use one of {string.Join(", ", AuditActions.All)}");
        }

        if (!ModelState.IsValid)
        {
            // A 'before' that is not a whole number arrives here as a binding error on its name.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var query = new AuditQuery(Blank(Actor), Blank(Action), Blank(Subject), Before, Area);
        (Entries, Next) = await audit.ReadAsync(query, 100, cancellationToken);
        return Page();
    }

    /// <summary>This view's address for the next page.</summary>
    public string NextPage(long next) =>
        Address + "?" + string.Join('&', new[] { ("actor", Actor), ("action", Action), ("subject", Subject), ("before", next.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(pair => !string.IsNullOrEmpty(pair.Item2)).Select(pair => $"{pair.Item1}={Uri.EscapeDataString(pair.Item2!)}"));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
