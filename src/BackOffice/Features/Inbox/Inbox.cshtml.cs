using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Storage;

namespace QualityVoice.BackOffice.Features.Inbox;

/// <summary>The triage inbox: what people told us, newest first.</summary>
public sealed class InboxModel(IFeedbackStore store) : PageModel
{
    /// <summary>How many items a page shows.</summary>
    public const int PageSize = 50;

    /// <summary>The items shown.</summary>
    public IReadOnlyList<FeedbackItem> Items { get; private set; } = [];

    /// <summary>Lists the newest items.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await store.ListNewestAsync(PageSize, cancellationToken);
}
