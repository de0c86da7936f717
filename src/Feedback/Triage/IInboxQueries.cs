namespace QualityVoice.Feedback.Triage;

/// <summary>What the inbox, the home page's figures and the downloads read: pages of items, their counts, and the labels staff gave.</summary>
public interface IInboxQueries
{
    /// <summary>
    /// A page of the inbox, newest (or oldest) first, after the cursor <paramref name="after"/> (a page's
    /// <see cref="InboxPage.Next"/>); throws <see cref="InvalidCursorException"/> for a cursor this store did not write.
    /// </summary>
    Task<InboxPage> SearchAsync(InboxFilter filter, InboxOrder order, string? after, int pageSize, CancellationToken cancellationToken);

    /// <summary>How many items there are for each value of each filter, within <paramref name="filter"/>.</summary>
    Task<InboxCounts> CountAsync(InboxFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// A page and the counts together, as the inbox shows them (<see cref="SearchAsync"/> then
    /// <see cref="CountAsync"/>); a store that can count from what it read for the page overrides this.
    /// </summary>
    async Task<InboxView> ViewAsync(InboxFilter filter, InboxOrder order, string? after, int pageSize, CancellationToken cancellationToken) =>
        new(await SearchAsync(filter, order, after, pageSize, cancellationToken), await CountAsync(filter, cancellationToken));

    /// <summary>Items whose themes or sentiment staff corrected, as labelled examples for retraining.</summary>
    IAsyncEnumerable<LabelledComment> HumanLabelsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Items whose urgency a member of staff judged — marked urgent, or read from the urgent queue — oldest first, for
    /// <see cref="UrgencyVerdicts"/>.
    /// </summary>
    IAsyncEnumerable<TriageItem> UrgencyJudgedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The urgent items that match <paramref name="filter"/>, open or closed, oldest first, each with what staff did
    /// about it (<see cref="UrgentQueueRow.Judgement"/>): what the urgency flag is measured by.
    /// </summary>
    IAsyncEnumerable<UrgentQueueRow> UrgentItemsAsync(InboxFilter filter, CancellationToken cancellationToken);
}
