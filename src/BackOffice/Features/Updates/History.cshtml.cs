using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.BackOffice.Features.Updates;

/// <summary>An update's history: who did what and when, and each version's differences from the one before.</summary>
public sealed class HistoryModel(IUpdateStore updates) : PageModel
{
    /// <summary>The update.</summary>
    public YouSaidWeDidUpdate Update { get; private set; } = null!;

    /// <summary>What happened, newest first.</summary>
    public IReadOnlyList<UpdateEvent> Events { get; private set; } = [];

    /// <summary>Each version, newest first, with its differences from the one before (the first against nothing).</summary>
    public IReadOnlyList<(UpdateVersion Version, IReadOnlyList<DiffLine> Changes)> Versions { get; private set; } = [];

    /// <summary>Shows the history.</summary>
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await updates.GetAsync(slug, cancellationToken) is not { } update)
        {
            return NotFound();
        }

        Update = update;
        Events = await updates.EventsAsync(slug, cancellationToken);
        var versions = await updates.VersionsAsync(slug, cancellationToken);
        Versions = versions
            .Select((version, i) => (version, LineDiff.Compare(i + 1 < versions.Count ? versions[i + 1].Content.ToLines() : [], version.Content.ToLines())))
            .ToArray();
        return Page();
    }
}
