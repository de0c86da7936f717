using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.BackOffice.Features.Updates;

/// <summary>Every "you said, we did" update written here, the most recently edited first, with where each has got.</summary>
public sealed class UpdatesModel(IUpdateStore updates) : PageModel
{
    /// <summary>The updates.</summary>
    public IReadOnlyList<UpdateSummary> All { get; private set; } = [];

    /// <summary>Lists them.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => All = await updates.ListAsync(cancellationToken);
}
