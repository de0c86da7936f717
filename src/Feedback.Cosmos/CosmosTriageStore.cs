using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Azure.Cosmos;
using QualityVoice.Analysis;
using QualityVoice.Feedback.Tracking;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// The quality team's inbox and changes on Cosmos DB. Lists read the month partitions newest first with
/// <c>WHERE … ORDER BY c.sortKey TOP n</c> until a page is full (one query per month visited), with a keyset cursor
/// (the last row's sort key) for the next page; the inbox's counts reuse every month those queries read whole. An
/// item's history, corrections and conversation live in its own document, and every change is read, decided by the
/// domain (<see cref="TriageWorkflow"/>, <see cref="TriageEvents"/>) and replaced under the ETag read.
/// </summary>
public sealed class CosmosTriageStore : ITriageStore, IFeedbackConversation, IUrgentQueue
{
    private readonly CosmosFeedbackItems _items;
    private readonly CosmosOutbox _outbox;

    /// <summary>Opens the store on containers that exist.</summary>
    public CosmosTriageStore(CosmosContainers containers)
    {
        _items = new CosmosFeedbackItems(containers.Feedback);
        _outbox = new CosmosOutbox(containers.Feedback);
    }

    /// <inheritdoc />
    public async Task<InboxPage> SearchAsync(InboxFilter filter, InboxOrder order, string? after, int pageSize, CancellationToken cancellationToken) =>
        await SearchAsync(await _items.MonthsAsync(cancellationToken), filter, order, after, pageSize, wholeMonths: null, cancellationToken);

    /// <inheritdoc />
    public async Task<InboxCounts> CountAsync(InboxFilter filter, CancellationToken cancellationToken) =>
        await CountAsync(await _items.MonthsAsync(cancellationToken), filter, wholeMonths: null, cancellationToken);

    /// <summary>
    /// The page, then the counts from the months whose every match the page's queries already read (for a rare
    /// filter, every month): the months document is read once, and each month queried once for both.
    /// </summary>
    public async Task<InboxView> ViewAsync(InboxFilter filter, InboxOrder order, string? after, int pageSize, CancellationToken cancellationToken)
    {
        var held = await _items.MonthsAsync(cancellationToken);
        var wholeMonths = new Dictionary<string, List<FeedbackDocument>>(StringComparer.Ordinal);
        var page = await SearchAsync(held, filter, order, after, pageSize, wholeMonths, cancellationToken);
        return new InboxView(page, await CountAsync(held, filter, wholeMonths, cancellationToken));
    }

    /// <summary>
    /// A page from the months <paramref name="held"/>; each month whose every match it read goes into
    /// <paramref name="wholeMonths"/> when given.
    /// </summary>
    private async Task<InboxPage> SearchAsync(
        IReadOnlyList<string> held,
        InboxFilter filter,
        InboxOrder order,
        string? after,
        int pageSize,
        Dictionary<string, List<FeedbackDocument>>? wholeMonths,
        CancellationToken cancellationToken)
    {
        var cursor = string.IsNullOrEmpty(after) ? null : ReadCursor(after) ?? throw new InvalidCursorException();
        var newest = order == InboxOrder.Newest;
        var query = CosmosInboxQuery.For(filter);
        var keyset = cursor is null ? string.Empty : newest ? " AND c.sortKey < @after" : " AND c.sortKey > @after";
        var cursorMonth = cursor is null ? null : MonthOf(cursor);
        var found = new List<FeedbackDocument>(pageSize + 1);
        foreach (var month in Visited(held, query, newest, cursorMonth))
        {
            var take = pageSize + 1 - found.Count;
            var definition = query.Define(
                    $"SELECT TOP @take * FROM c WHERE c.pk = @pk AND c.type = @type{query.Conditions}{keyset} ORDER BY c.sortKey {(newest ? "DESC" : "ASC")}")
                .WithParameter("@take", take)
                .WithParameter("@type", FeedbackDocument.TypeName);
            if (cursor is not null)
            {
                definition = definition.WithParameter("@after", cursor);
            }

            var inMonth = await _items.Container.QueryAsync<FeedbackDocument>(definition, month, cancellationToken).ToListAsync(cancellationToken);
            if (wholeMonths is not null && inMonth.Count < take && month != cursorMonth)
            {
                // Fewer than asked for, and not cut by the cursor: every match of the month.
                wholeMonths[month] = inMonth;
            }

            found.AddRange(inMonth);
            if (found.Count > pageSize)
            {
                return new InboxPage(found.Take(pageSize).Select(Row).ToArray(), Cursor(found[pageSize - 1].SortKey));
            }
        }

        return new InboxPage(found.Select(Row).ToArray(), null);
    }

    /// <summary>
    /// The counts over the months <paramref name="held"/>, from projected fields over the newest matches, as SQLite
    /// counts a filter its totals do not hold (aggregates cost the same RU for a filtered partition read, and the
    /// protocol peer does not run them); months in <paramref name="wholeMonths"/> are counted from the matches
    /// already read instead of queried again.
    /// </summary>
    private async Task<InboxCounts> CountAsync(
        IReadOnlyList<string> held, InboxFilter filter, Dictionary<string, List<FeedbackDocument>>? wholeMonths, CancellationToken cancellationToken)
    {
        var facets = new[] { "service", "kind", "fft", "status", "sentiment", "urgent" }
            .ToDictionary(facet => facet, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
        var total = 0;
        var query = CosmosInboxQuery.For(filter);
        foreach (var month in Visited(held, query, newest: true, cursorMonth: null))
        {
            var rows = wholeMonths?.GetValueOrDefault(month) is { } read
                ? read.OrderByDescending(item => item.SortKey, StringComparer.Ordinal).Take(InboxCounts.CountCap - total)
                    .Select(item => new FacetRow(item.ServiceId, item.Kind, item.FftRating, item.Status, item.Sentiment, item.Urgent)).ToAsyncEnumerable()
                : _items.Container.QueryAsync<FacetRow>(
                    query.Define(
                            $"SELECT TOP @take c.serviceId, c.kind, c.fftRating, c.status, c.sentiment, c.urgent FROM c WHERE c.pk = @pk AND c.type = @type{query.Conditions} ORDER BY c.sortKey DESC")
                        .WithParameter("@take", InboxCounts.CountCap - total)
                        .WithParameter("@type", FeedbackDocument.TypeName),
                    month,
                    cancellationToken);
            await foreach (var row in rows)
            {
                total++;
                Count("service", row.ServiceId);
                Count("kind", WireName<FeedbackKind>.Of(row.Kind));
                Count("fft", WireName<FftRating>.Of(row.FftRating));
                Count("status", WireName<TriageStatus>.Of(row.Status));
                Count("sentiment", row.Sentiment is { } sentiment ? WireName<Sentiment>.Of(sentiment) : string.Empty);
                Count("urgent", row.Urgent ? "yes" : "no");
            }

            if (total >= InboxCounts.CountCap)
            {
                break;
            }
        }

        return new InboxCounts(
            facets.ToDictionary(pair => pair.Key, pair => (IReadOnlyDictionary<string, int>)pair.Value, StringComparer.Ordinal),
            total,
            total >= InboxCounts.CountCap);

        void Count(string facet, string value) => facets[facet][value] = facets[facet].GetValueOrDefault(value) + 1;
    }

    /// <inheritdoc />
    public async Task<TriageItem?> GetAsync(string reference, CancellationToken cancellationToken)
    {
        var (item, _) = await _items.ReadAsync(reference, cancellationToken);
        return item is null ? null : TriageItemOf(item);
    }

    /// <summary>An item document as the item page reads it.</summary>
    internal static TriageItem TriageItemOf(FeedbackDocument item)
    {
        // Most likely first, then by name, as SQLite lists them.
        var themes = (item.ThemesCorrected is { } corrected ? corrected.Select(theme => new ThemePrediction(theme, 1.0)) : item.Analysis?.Themes ?? [])
            .OrderByDescending(theme => theme.Confidence)
            .ThenBy(theme => theme.Name, StringComparer.Ordinal)
            .ToArray();
        var feelings = item.SentimentBy is null
            ? item.Analysis?.ThemeSentiments?.Where(feeling => item.Themes.Contains(feeling.Theme)).ToArray() ?? []
            : [];
        return new TriageItem(
            item.ToItem(),
            item.Sentiment,
            item.SentimentBy,
            themes,
            item.ThemesBy,
            item.AssignedTo,
            item.ClosureReason,
            item.Escalation,
            item.PublicReply is { } reply ? (reply, item.PublicReplyAt!.Value) : null,
            item.Version,
            item.History,
            feelings,
            item.Acknowledged,
            item.Messages,
            item.UrgentAnswerAt,
            item.OriginalsRemovedAt,
            item.MarkedUrgent);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ChangeStatusAsync(IReadOnlyList<string> references, TriageStatus status, string? closureReason, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (status == TriageStatus.Closed && string.IsNullOrWhiteSpace(closureReason))
        {
            throw new ArgumentException("Closing an item needs a reason.", nameof(closureReason));
        }

        var moved = new List<string>();
        foreach (var reference in references.Distinct(StringComparer.Ordinal))
        {
            var changed = await ChangeAsync(
                reference,
                item => TriageWorkflow.CanMove(item.Status, status)
                    ? item with { Status = status, ClosureReason = status == TriageStatus.Closed ? closureReason : null }
                    : null,
                TriageEvents.Moved(status, closureReason, actor, at),
                cancellationToken);
            if (changed)
            {
                moved.Add(reference);
            }
        }

        return moved;
    }

    /// <inheritdoc />
    public async Task<int> AssignAsync(IReadOnlyList<string> references, string? assignee, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var reference in references.Distinct(StringComparer.Ordinal))
        {
            changed += await ChangeAsync(reference, item => item with { AssignedTo = assignee }, TriageEvents.Assigned(assignee, actor, at), cancellationToken) ? 1 : 0;
        }

        return changed;
    }

    /// <inheritdoc />
    public Task<bool> EscalateAsync(string reference, EscalationLevel level, string reason, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(reference, item => item with { Escalation = new Escalation(level, actor, reason, at) }, TriageEvents.Escalated(level, reason, actor, at), cancellationToken);

    /// <inheritdoc />
    public Task<bool> CorrectThemesAsync(string reference, IReadOnlyList<string> themes, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(
            reference,
            item => item with { ThemesCorrected = themes.Distinct(StringComparer.Ordinal).ToArray(), ThemesBy = actor },
            TriageEvents.ThemesCorrected(themes, actor, at),
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> CorrectSentimentAsync(string reference, Sentiment sentiment, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(reference, item => item with { SentimentCorrected = sentiment, SentimentBy = actor }, TriageEvents.SentimentCorrected(sentiment, actor, at), cancellationToken);

    /// <inheritdoc />
    public Task<bool> AddNoteAsync(string reference, string note, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(reference, item => item, TriageEvents.Note(note, actor, at), cancellationToken);

    /// <inheritdoc />
    public async Task<bool> PublishReplyAsync(string reference, string reply, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // The e-mail that tells the person is owed first, so that it is not lost if this stops after keeping the reply;
        // the sender checks that the reply was kept before sending (CosmosReplyNotifications).
        if ((await _items.ReadAsync(reference, cancellationToken)).Document is { ContactEmail: not null })
        {
            await _outbox.OweAsync(
                new OutboxDocument
                {
                    Id = OutboxDocument.ReplyEmailId(reference, at), Type = OutboxDocument.ReplyEmail, Reference = reference, ReplyAt = at, CreatedAt = at.ToUnixTimeMilliseconds(),
                },
                cancellationToken);
        }

        return await ChangeAsync(
            reference,
            item => item with
            {
                PublicReply = reply,
                PublicReplyAt = at,
                Status = TriageWorkflow.AfterAReply(item.Status),
                Messages = [.. item.Messages, new FeedbackMessage(false, reply, reply, at)],
            },
            TriageEvents.Replied(reply, actor, at),
            cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<LabelledComment> HumanLabelsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in EveryMonthAsync("IS_DEFINED(c.themesBy) OR IS_DEFINED(c.sentimentBy)", cancellationToken))
        {
            foreach (var (question, text) in new[] { ("What was good?", item.Analysis?.RedactedWhatWasGood), ("What could we do better?", item.Analysis?.RedactedWhatCouldImprove) })
            {
                if (text is { Length: > 0 })
                {
                    yield return new LabelledComment(item.Id, item.SubmittedAt, item.ServiceName, item.FftRating, question, text, item.Sentiment, item.Themes.Order(StringComparer.Ordinal).ToArray());
                }
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TriageItem> UrgencyJudgedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in EveryMonthAsync("IS_DEFINED(c.markedUrgent) OR IS_DEFINED(c.acknowledged)", cancellationToken))
        {
            yield return TriageItemOf(item);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<UrgentQueueRow> UrgentItemsAsync(InboxFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = CosmosInboxQuery.For(filter with { Urgent = true });
        var definition = query.Define($"SELECT * FROM c WHERE c.pk = @pk AND c.type = @type{query.Conditions}").WithParameter("@type", FeedbackDocument.TypeName);
        foreach (var month in (await _items.MonthsAsync(cancellationToken)).Where(query.CanMatch))
        {
            var found = await _items.Container.QueryAsync<FeedbackDocument>(definition, month, cancellationToken).ToListAsync(cancellationToken);
            foreach (var item in found.OrderBy(item => item.SortKey, StringComparer.Ordinal))
            {
                yield return new UrgentQueueRow(Row(item), item.Acknowledged, item.UrgentAnswerAt, item.MarkedUrgent);
            }
        }
    }

    /// <summary>The items that meet <paramref name="condition"/>, month by month, oldest first: one query for each month.</summary>
    private async IAsyncEnumerable<FeedbackDocument> EveryMonthAsync(string condition, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new QueryDefinition($"SELECT * FROM c WHERE c.pk = @pk AND c.type = @type AND ({condition})").WithParameter("@type", FeedbackDocument.TypeName);
        foreach (var month in await _items.MonthsAsync(cancellationToken))
        {
            var found = await _items.Container.QueryAsync<FeedbackDocument>(query, month, cancellationToken).ToListAsync(cancellationToken);
            foreach (var item in found.OrderBy(item => item.SortKey, StringComparer.Ordinal))
            {
                yield return item;
            }
        }
    }

    /// <inheritdoc />
    public Task<bool> AnswerAsync(string reference, FeedbackMessage answer, TriageStatus status, bool urgent, CancellationToken cancellationToken) =>
        ChangeAsync(
            reference,
            item =>
            {
                var answered = item with { Status = status, Messages = [.. item.Messages, answer] };
                return urgent ? answered with { UrgentAnswerAt = answer.At, Acknowledged = null, OverdueToldAt = null } : answered;
            },
            TriageEvents.Answered(status, urgent, answer.At),
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<UrgentQueueRow>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var open = await OpenUrgentAsync(cancellationToken);
        return open
            .OrderBy(item => item.Acknowledged is not null)
            .ThenBy(item => item.UrgentSince())
            .ThenBy(item => item.SortKey, StringComparer.Ordinal)
            .Take(max)
            .Select(item => new UrgentQueueRow(Row(item), item.Acknowledged, item.UrgentAnswerAt, item.MarkedUrgent))
            .ToArray();
    }

    /// <inheritdoc />
    public async Task<bool> AcknowledgeAsync(string reference, UrgentAcknowledgement acknowledgement, CancellationToken cancellationToken) =>
        await ChangeAsync(
            reference,
            item => item.Urgent && item.Acknowledged is null ? item with { Acknowledged = acknowledgement } : null,
            TriageEvents.Acknowledged(acknowledgement),
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> MarkUrgentAsync(string reference, UrgentMarking marking, CancellationToken cancellationToken) =>
        ChangeAsync(
            reference,
            item => UrgentResponse.CanMarkUrgent(TriageItemOf(item)) ? item with { MarkedUrgent = marking, Acknowledged = null, OverdueToldAt = null } : null,
            TriageEvents.MarkedUrgent(marking),
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<OverdueUrgentItem>> OverdueUntoldAsync(DateTimeOffset urgentBefore, int max, CancellationToken cancellationToken) =>
        (await OpenUrgentAsync(cancellationToken))
            .Select(item => (Item: item, Since: item.UrgentSince()))
            .Where(pair => pair.Item.Acknowledged is null && pair.Item.OverdueToldAt is null && pair.Since < urgentBefore)
            .OrderBy(pair => pair.Since)
            .Take(max)
            .Select(pair => new OverdueUrgentItem(pair.Item.Id, pair.Item.ServiceName, pair.Item.SubmittedAt, pair.Since, pair.Item.MarkedUrgent))
            .ToArray();

    /// <inheritdoc />
    public Task MarkOverdueToldAsync(string reference, DateTimeOffset at, CancellationToken cancellationToken) =>
        _items.ChangeAsync(reference, item => item with { OverdueToldAt = at }, cancellationToken);

    /// <summary>The inbox row of an item (its themes in name order, as SQLite lists them).</summary>
    internal static InboxRow Row(FeedbackDocument item) => new(
        item.Id,
        item.SubmittedAt,
        item.ServiceName,
        item.Kind,
        item.FftRating,
        item.Status,
        item.Sentiment,
        item.Urgent,
        item.AssignedTo,
        item.Themes.Order(StringComparer.Ordinal).ToArray(),
        item.AnalysisState == AnalysisState.Done
            ? item.Analysis?.RedactedWhatCouldImprove ?? item.Analysis?.RedactedWhatWasGood ?? "No comment, rating only"
            : "Not analysed yet: open it to read");

    /// <summary>
    /// The open urgent items: those the urgent index lists, read with one query for each month it names, each
    /// checked against the item itself (the index may list more than is open, never less).
    /// </summary>
    private async Task<List<FeedbackDocument>> OpenUrgentAsync(CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = @type AND ARRAY_CONTAINS(@references, c.id) AND c.urgent = true AND c.status != @closed")
            .WithParameter("@type", FeedbackDocument.TypeName)
            .WithParameter("@closed", WireName<TriageStatus>.Of(TriageStatus.Closed));
        var open = new List<FeedbackDocument>();
        foreach (var month in (await _items.Urgent.ReadAsync(cancellationToken)).GroupBy(listed => listed.Value, listed => listed.Key, StringComparer.Ordinal))
        {
            var inMonth = query.WithParameter("@references", month.Order(StringComparer.Ordinal).ToArray());
            open.AddRange(await _items.Container.QueryAsync<FeedbackDocument>(inMonth, month.Key, cancellationToken).ToListAsync(cancellationToken));
        }

        return open;
    }

    /// <summary>Changes one item and adds what happened to its history; false when there is no such item or the change was refused.</summary>
    private async Task<bool> ChangeAsync(string reference, Func<FeedbackDocument, FeedbackDocument?> change, TriageEvent happened, CancellationToken cancellationToken) =>
        await _items.ChangeAsync(
            reference,
            item => change(item) is { } changed ? changed with { History = [.. item.History, happened], Version = item.Version + 1 } : null,
            cancellationToken) is not null;

    /// <summary>The months held that a list visits, in its order: those the filter's dates allow, from the cursor's month on.</summary>
    private static IEnumerable<string> Visited(IReadOnlyList<string> held, CosmosInboxQuery query, bool newest, string? cursorMonth)
    {
        var months = held.Where(query.CanMatch);
        return newest
            ? months.Reverse().Where(month => cursorMonth is null || string.CompareOrdinal(month, cursorMonth) <= 0)
            : months.Where(month => cursorMonth is null || string.CompareOrdinal(month, cursorMonth) >= 0);
    }

    /// <summary>The month (<c>yyyy-MM</c>) of a sort key's arrival time.</summary>
    private static string MonthOf(string sortKey) =>
        YearMonth.Of(DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(sortKey.AsSpan(0, 15), System.Globalization.CultureInfo.InvariantCulture))).ToString();

    /// <summary>A cursor is the last row's sort key, opaque to the browser.</summary>
    private static string Cursor(string sortKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(sortKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Reads a cursor; null when it is not one of ours.</summary>
    private static string? ReadCursor(string cursor)
    {
        if (cursor.Length > 64)
        {
            return null;
        }

        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[48];
        if (!Convert.TryFromBase64String(base64, bytes, out var written))
        {
            return null;
        }

        var sortKey = Encoding.UTF8.GetString(bytes, 0, written);
        return sortKey.Length > 16 && sortKey[15] == '|' && sortKey.AsSpan(0, 15).IndexOfAnyExceptInRange('0', '9') < 0 ? sortKey : null;
    }

    /// <summary>What the counts read of an item.</summary>
    private sealed record FacetRow(string ServiceId, FeedbackKind Kind, FftRating FftRating, TriageStatus Status, Sentiment? Sentiment, bool Urgent);
}
