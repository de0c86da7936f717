using System.Runtime.CompilerServices;

namespace QualityVoice.Feedback.Triage;

/// <summary>Every item an inbox filter matches, for downloads: the inbox's own pages, one after another.</summary>
public static class InboxExport
{
    private const int PageSize = 500;

    /// <summary>Every item <paramref name="filter"/> matches, newest first (redacted text only).</summary>
    public static async IAsyncEnumerable<InboxRow> EveryRowAsync(this IInboxQueries triage, InboxFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var page = await triage.SearchAsync(filter, InboxOrder.Newest, after, PageSize, cancellationToken);
            foreach (var row in page.Rows)
            {
                yield return row;
            }

            after = page.Next;
        }
        while (after is not null);
    }
}
