using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Retention;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// The retention policy's reads and writes on Cosmos DB: the month partitions up to the cut-off's, oldest first, a
/// keyset page at a time; each item changed under the ETag read, as every change to an item is.
/// </summary>
public sealed class CosmosRetention(CosmosContainers containers) : IRetentionStore
{
    private readonly CosmosFeedbackItems _items = new(containers.Feedback);
    private readonly CosmosOutbox _outbox = new(containers.Feedback);

    /// <inheritdoc />
    public async Task<IReadOnlyList<HeldWords>> FindOriginalWordsBeforeAsync(DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        var lastMonth = YearMonth.Of(before).ToString();
        var beforeKey = FeedbackDocument.SortKeyOf(before, string.Empty);
        var held = new List<HeldWords>();
        foreach (var month in (await _items.MonthsAsync(cancellationToken)).TakeWhile(month => string.CompareOrdinal(month, lastMonth) <= 0))
        {
            var query = new QueryDefinition(
                    "SELECT TOP @max * FROM c WHERE c.pk = @pk AND c.type = @type AND c.sortKey < @before AND c.analysisState != @pending AND (NOT IS_DEFINED(c.originalsRemovedAt) OR IS_NULL(c.originalsRemovedAt)) ORDER BY c.sortKey")
                .WithParameter("@max", max - held.Count)
                .WithParameter("@type", FeedbackDocument.TypeName)
                .WithParameter("@before", beforeKey)
                .WithParameter("@pending", WireName<AnalysisState>.Of(AnalysisState.Pending));
            await foreach (var item in _items.Container.QueryAsync<FeedbackDocument>(query, month, cancellationToken))
            {
                held.Add(new HeldWords(item.Id, item.WhatWasGood, item.WhatCouldImprove, item.Analysis?.RedactedWhatWasGood, item.Analysis?.RedactedWhatCouldImprove));
            }

            if (held.Count >= max)
            {
                break;
            }
        }

        return held;
    }

    /// <inheritdoc />
    public async Task<int> RemoveOriginalWordsAsync(IReadOnlyList<KeptWords> kept, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var words in kept)
        {
            // The e-mails not yet sent go first: an address removed is never written to, even if this stops half-way.
            await _outbox.ForgetAsync(words.Reference, cancellationToken);
            var item = await _items.ChangeAsync(
                words.Reference,
                item => item.OriginalsRemovedAt is not null ? null : item with
                {
                    WhatWasGood = words.WhatWasGood,
                    WhatCouldImprove = words.WhatCouldImprove,
                    ContactEmail = null,
                    Messages = item.Messages.Select(message => message.FromPerson ? message with { Text = message.Redacted } : message).ToArray(),
                    OriginalsRemovedAt = at,
                },
                cancellationToken);
            changed += item is null ? 0 : 1;
        }

        return changed;
    }
}
