using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Insight;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.BackOffice.Features.Reports;

/// <summary>
/// Outreach to the people who are not being heard: the engagement and quality teams record what they will do for a
/// group of the population and from when, and see the group's share of the people answering before and since.
/// </summary>
public sealed class OutreachModel(IOutreachPlans plans, VoicesReader voices, ContentPack pack, IAuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>The group it is for.</summary>
    [BindProperty]
    public string? Group { get; set; }

    /// <summary>What the team will do.</summary>
    [BindProperty]
    public string? What { get; set; }

    /// <summary>The month it starts, yyyy-MM.</summary>
    [BindProperty]
    public string? Starts { get; set; }

    /// <summary>What was done.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Every plan with its effect so far, the latest start first.</summary>
    public IReadOnlyList<OutreachEffect> Effects { get; private set; } = [];

    /// <summary>The population's groups.</summary>
    public IReadOnlyList<PopulationGroup> Groups => pack.Population.Groups;

    /// <summary>The months outreach can start in: a year either side of this one.</summary>
    public IReadOnlyList<YearMonth> MonthChoices { get; private set; } = [];

    /// <summary>Whether the signed-in member of staff records outreach (the engagement and quality teams).</summary>
    public bool CanRecord => User.Admits(BackOfficePolicies.Publish);

    /// <summary>Shows the plans and the form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => await ListAsync(cancellationToken);

    /// <summary>Records a plan.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanRecord)
        {
            return Forbid();
        }

        if (Groups.All(group => group.Name != Group))
        {
            ModelState.AddModelError(nameof(Group), "Choose the group the outreach is for");
        }

        if (OutreachPlan.ProblemWith(What) is { } problem)
        {
            ModelState.AddModelError(nameof(What), problem);
        }

        if (!YearMonth.TryParse(Starts, out var starts))
        {
            ModelState.AddModelError(nameof(Starts), "Choose the month it starts");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await ListAsync(cancellationToken);
            return Page();
        }

        var me = StaffMember.NameOf(User);
        var now = time.GetUtcNow();
        var plan = new OutreachPlan(Guid.NewGuid().ToString("N"), Group!, What!.Trim(), starts.FirstDay, me, now);
        await plans.AddAsync(plan, cancellationToken);
        await audit.RecordAsync(new AuditEntry(now, me, AuditActions.Changed, $"outreach:{plan.Id}", $"Outreach for '{plan.Group}' from {starts.ToDisplayString()} recorded"), cancellationToken);
        Done = $"Outreach for {plan.Group.ToLowerInvariant()} from {starts.ToDisplayString()} recorded.";
        return RedirectToPage();
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var thisMonth = YearMonth.Of(time.GetUtcNow());
        MonthChoices = [.. Enumerable.Range(-12, 25).Select(offset => thisMonth.AddMonths(offset))];
        Starts ??= thisMonth.ToString();
        var effects = new List<OutreachEffect>();
        foreach (var plan in await plans.ListAsync(cancellationToken))
        {
            effects.Add(await voices.EffectAsync(plan, thisMonth, cancellationToken));
        }

        Effects = effects;
    }
}
