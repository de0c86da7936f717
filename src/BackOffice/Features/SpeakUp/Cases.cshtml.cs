using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Feedback.SpeakUp;

namespace QualityVoice.BackOffice.Features.SpeakUp;

/// <summary>The guardians' cases, the most recently raised first, with those waiting for an answer marked.</summary>
public sealed class CasesModel(ISpeakUpCasework casework) : PageModel
{
    /// <summary>Every case.</summary>
    public IReadOnlyList<SpeakUpCase> All { get; private set; } = [];

    /// <summary>Lists them.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => All = await casework.ListAsync(cancellationToken);
}
