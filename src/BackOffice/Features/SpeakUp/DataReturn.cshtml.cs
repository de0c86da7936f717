using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Web.Downloads;

namespace QualityVoice.BackOffice.Features.SpeakUp;

/// <summary>
/// The quarterly speaking up data return to the National Guardian's Office, counted from the cases raised in the
/// quarter, on a page and as CSV. Counts only: no case, reference or words leave in it.
/// </summary>
public sealed class DataReturnModel(ISpeakUpCasework casework, IAuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>The quarter, as <c>2026-Q3</c>; the current one when not given.</summary>
    [BindProperty(SupportsGet = true, Name = "quarter")]
    public string? Quarter { get; set; }

    /// <summary>The return.</summary>
    public SpeakUpDataReturn Return { get; private set; } = null!;

    /// <summary>The quarters to choose from: this one and the seven before, newest first.</summary>
    public IReadOnlyList<FinancialQuarter> Choices { get; private set; } = [];

    /// <summary>Shows the return.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await CountAsync(cancellationToken) ? Page() : Invalid();

    /// <summary>The return as CSV; the download is audited.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!await CountAsync(cancellationToken))
        {
            return Invalid();
        }

        await audit.RecordAsync(new AuditEntry(time.GetUtcNow(), StaffMember.NameOf(User), AuditActions.Exported, $"speak-up-data-return-{Return.Quarter}.csv", "Counts only"), cancellationToken);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"speak-up-data-return-{Return.Quarter}.csv\"";
        await CsvTable.WriteAsync(Response.Body, ["Quarter", "Measure", "Count"], Rows(), cancellationToken);
        return new EmptyResult();
    }

    private async IAsyncEnumerable<IReadOnlyList<string?>> Rows()
    {
        foreach (var (measure, count) in Return.Rows())
        {
            yield return [Return.Quarter.ToString(), measure, count.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }

        await Task.CompletedTask;
    }

    private async Task<bool> CountAsync(CancellationToken cancellationToken)
    {
        var current = FinancialQuarter.Of(UkTime.DayOf(time.GetUtcNow()));
        var choices = new List<FinancialQuarter> { current };
        while (choices.Count < 8)
        {
            choices.Add(choices[^1].Previous);
        }

        Choices = choices;
        var quarter = current;
        if (!string.IsNullOrEmpty(Quarter) && !FinancialQuarter.TryParse(Quarter, out quarter))
        {
            ModelState.AddModelError("quarter", "Choose a quarter from the list");
            Return = SpeakUpDataReturn.Count([], current);
            return false;
        }

        Return = SpeakUpDataReturn.Count(await casework.ListAsync(cancellationToken), quarter);
        return true;
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
