using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// "You said, we did" updates on Cosmos DB: one document each in the <c>updates</c> partition, changed by read,
/// <see cref="PublishingWorkflow"/>, and replace under the ETag read. The e-mails owed when an update goes live are
/// queued in the <c>outbox</c> partition after the change, which marks the update as owing them until they are
/// (<see cref="UpdateDocument.OwesEmails"/>): a writer that stops in between leaves the mark, and the next
/// <see cref="PublishDueAsync"/> queues them.
/// </summary>
public sealed class CosmosUpdateStore : IUpdateStore, IPublishedUpdates
{
    private readonly Container _feedback;
    private readonly CosmosFeedbackItems _items;
    private readonly CosmosOutbox _outbox;

    /// <summary>Opens the store on containers that exist.</summary>
    public CosmosUpdateStore(CosmosContainers containers)
    {
        _feedback = containers.Feedback;
        _items = new CosmosFeedbackItems(containers.Feedback);
        _outbox = new CosmosOutbox(containers.Feedback);
    }

    /// <inheritdoc />
    public async Task<string> CreateAsync(string slug, Func<string, bool> isTaken, UpdateContent content, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var start = PublishingWorkflow.Start(actor);
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? slug : $"{slug}-{n}";
            if (isTaken(candidate))
            {
                continue;
            }

            var document = Keep(new UpdateDocument { Id = candidate, Record = start.After, CreatedBy = actor, CreatedAt = at }, start, content, at);
            if (await _feedback.TryCreateAsync(document, UpdateDocument.Partition, cancellationToken))
            {
                return candidate;
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UpdateSummary>> ListAsync(CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken))
            .OrderByDescending(update => update.Latest.EditedAt)
            .ThenByDescending(update => update.CreatedAt)
            .Select(update => update.ToSummary())
            .ToArray();

    /// <inheritdoc />
    public async Task<YouSaidWeDidUpdate?> GetAsync(string slug, CancellationToken cancellationToken)
    {
        var (update, _) = await _feedback.TryReadAsync<UpdateDocument>(slug, UpdateDocument.Partition, cancellationToken);
        if (update is null)
        {
            return null;
        }

        var emails = new Dictionary<string, int>(StringComparer.Ordinal);
        var owed = new QueryDefinition("SELECT VALUE c.state FROM c WHERE c.pk = @pk AND c.type = @type AND c.slug = @slug")
            .WithParameter("@type", OutboxDocument.UpdateEmail)
            .WithParameter("@slug", slug);
        await foreach (var state in _feedback.QueryAsync<string>(owed, OutboxDocument.Partition, cancellationToken))
        {
            emails[state] = emails.GetValueOrDefault(state) + 1;
        }

        var record = update.Record;
        return new YouSaidWeDidUpdate(
            update.Id,
            record.State,
            record.Version,
            record.LiveVersion,
            update.Latest.Content,
            update.CreatedBy,
            update.Latest.EditedBy,
            update.Latest.EditedAt,
            record.SubmittedBy,
            record.ApprovedBy,
            record.PublishAt,
            record.FirstPublished,
            record.UnpublishReason,
            update.Links.OrderBy(link => link.LinkedAt).Select(link => link.Reference).ToArray(),
            new UpdateEmails(emails.GetValueOrDefault("sent"), emails.GetValueOrDefault("pending"), emails.GetValueOrDefault("failed")));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UpdateVersion>> VersionsAsync(string slug, CancellationToken cancellationToken) =>
        (await _feedback.TryReadAsync<UpdateDocument>(slug, UpdateDocument.Partition, cancellationToken)).Document?.Versions.OrderByDescending(version => version.Version).ToArray() ?? [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<UpdateEvent>> EventsAsync(string slug, CancellationToken cancellationToken) =>
        (await _feedback.TryReadAsync<UpdateDocument>(slug, UpdateDocument.Partition, cancellationToken)).Document?.Events.Reverse().OrderByDescending(happened => happened.At).ToArray() ?? [];

    /// <inheritdoc />
    public Task<UpdateChangeOutcome> EditAsync(string slug, int version, UpdateContent content, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(slug, update => PublishingWorkflow.Edit(update.Record, version, actor), content, at, cancellationToken);

    /// <inheritdoc />
    public Task<UpdateChangeOutcome> SubmitForReviewAsync(string slug, int version, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(slug, update => PublishingWorkflow.SubmitForReview(update.Record, version, actor), null, at, cancellationToken);

    /// <inheritdoc />
    public Task<UpdateChangeOutcome> SendBackAsync(string slug, int version, string reason, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(slug, update => PublishingWorkflow.SendBack(update.Record, version, reason, actor), null, at, cancellationToken);

    /// <inheritdoc />
    public Task<UpdateChangeOutcome> ApproveAsync(string slug, int version, DateTimeOffset publishAt, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(
            slug,
            update => PublishingWorkflow.Approve(
                update.Record, version, publishAt, PublishingWorkflow.AuthorsSinceApproval(update.Record, update.Versions.Select(saved => (saved.Version, saved.EditedBy))), actor, at),
            null,
            at,
            cancellationToken);

    /// <inheritdoc />
    public Task<UpdateChangeOutcome> UnpublishAsync(string slug, string reason, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(slug, update => PublishingWorkflow.Unpublish(update.Record, reason, actor), null, at, cancellationToken);

    /// <inheritdoc />
    public async Task<int> PublishDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var published = 0;
        foreach (var update in await AllAsync(cancellationToken))
        {
            if (PublishingWorkflow.PublishIfDue(update.Record, now) is not null
                && await ChangeAsync(update.Id, current => PublishingWorkflow.PublishIfDue(current.Record, now) is { } step ? (UpdateChangeOutcome.Done, step) : (UpdateChangeOutcome.WrongState, null), null, now, cancellationToken) == UpdateChangeOutcome.Done)
            {
                published++;
            }
            else if (update.OwesEmails)
            {
                await QueueEmailsAsync(update.Id, now, cancellationToken);
            }
        }

        return published;
    }

    /// <inheritdoc />
    public async Task<int?> LinkFeedbackAsync(string slug, IReadOnlyList<string> references, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in references.Distinct(StringComparer.Ordinal))
        {
            if ((await _items.ReadAsync(reference, cancellationToken)).Document is not null)
            {
                existing.Add(reference);
            }
        }

        while (true)
        {
            var (update, eTag) = await _feedback.TryReadAsync<UpdateDocument>(slug, UpdateDocument.Partition, cancellationToken);
            if (update is null || eTag is null)
            {
                return null;
            }

            var added = existing.Where(reference => update.Links.All(link => link.Reference != reference)).Select(reference => new UpdateLink(reference, actor, at)).ToArray();
            if (added.Length == 0)
            {
                return 0;
            }

            var linked = update with
            {
                Links = [.. update.Links, .. added],
                Events = [.. update.Events, new UpdateEvent(at, actor, $"Linked {added.Length} feedback {(added.Length == 1 ? "item" : "items")}")],
                OwesEmails = update.OwesEmails || update.IsLive,
                ETag = null,
            };
            if (await _feedback.TryReplaceAsync(linked, slug, UpdateDocument.Partition, eTag, cancellationToken))
            {
                if (linked.IsLive)
                {
                    await AfterLiveChangeAsync(slug, at, cancellationToken);
                }

                return added.Length;
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> UnlinkFeedbackAsync(string slug, string reference, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (update, eTag) = await _feedback.TryReadAsync<UpdateDocument>(slug, UpdateDocument.Partition, cancellationToken);
            if (update is null || eTag is null || update.Links.All(link => link.Reference != reference))
            {
                return false;
            }

            var unlinked = update with
            {
                Links = update.Links.Where(link => link.Reference != reference).ToArray(),
                Events = [.. update.Events, new UpdateEvent(at, actor, $"Removed {reference}")],
                ETag = null,
            };
            if (await _feedback.TryReplaceAsync(unlinked, slug, UpdateDocument.Partition, eTag, cancellationToken))
            {
                if (unlinked.IsLive)
                {
                    await BumpPublishedVersionAsync(cancellationToken);
                }

                return true;
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UpdateSummary>> ForFeedbackAsync(string reference, CancellationToken cancellationToken) =>
        (await LinkedToAsync(reference, cancellationToken))
            .OrderBy(update => update.Links.First(link => link.Reference == reference).LinkedAt)
            .Select(update => update.ToSummary())
            .ToArray();

    /// <inheritdoc />
    public async Task<IReadOnlyList<PublishedUpdate>> LiveAsync(CancellationToken cancellationToken)
    {
        var live = await UpdatesAsync(new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = @type AND c.isLive = true"), cancellationToken);
        var published = new List<PublishedUpdate>(live.Count);
        foreach (var update in live.OrderByDescending(update => update.Record.FirstPublished).ThenByDescending(update => update.CreatedAt))
        {
            // What the linked feedback was about: each person counted once per theme.
            var told = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var link in update.Links)
            {
                if ((await _items.ReadAsync(link.Reference, cancellationToken)).Document is { } item)
                {
                    foreach (var theme in item.Themes.Distinct(StringComparer.Ordinal))
                    {
                        told[theme] = told.GetValueOrDefault(theme) + 1;
                    }
                }
            }

            published.Add(new PublishedUpdate(
                update.Id,
                update.LiveOrLatest.Content,
                update.Record.FirstPublished!.Value,
                update.Record.LiveSince!.Value,
                update.Links.Count,
                told.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (pair.Key, pair.Value)).ToArray()));
        }

        return published;
    }

    /// <inheritdoc />
    public async Task<long> VersionAsync(CancellationToken cancellationToken) =>
        (await _feedback.TryReadAsync<PublishedVersionDocument>(PublishedVersionDocument.DocumentId, UpdateDocument.Partition, cancellationToken)).Document?.Version ?? 0;

    /// <summary>The live updates that answer a feedback item, for /track: the first published first.</summary>
    internal async Task<IReadOnlyList<Tracking.TrackedUpdate>> LiveForFeedbackAsync(string reference, CancellationToken cancellationToken) =>
        (await LinkedToAsync(reference, cancellationToken))
            .Where(update => update.IsLive)
            .OrderBy(update => update.Record.FirstPublished)
            .Select(update => new Tracking.TrackedUpdate(update.Id, update.LiveOrLatest.Content.Title, update.Record.FirstPublished!.Value))
            .ToArray();

    /// <summary>Moves the number the portal watches, because what it shows of published updates may have changed.</summary>
    internal async Task BumpPublishedVersionAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (counter, eTag) = await _feedback.TryReadAsync<PublishedVersionDocument>(PublishedVersionDocument.DocumentId, UpdateDocument.Partition, cancellationToken);
            var written = counter is null
                ? await _feedback.TryCreateAsync(new PublishedVersionDocument(1), UpdateDocument.Partition, cancellationToken)
                : await _feedback.TryReplaceAsync(counter with { Version = counter.Version + 1 }, counter.Id, UpdateDocument.Partition, eTag!, cancellationToken);
            if (written)
            {
                return;
            }
        }
    }

    private static UpdateDocument Keep(UpdateDocument update, PublishingStep step, UpdateContent? content, DateTimeOffset at) => update with
    {
        Record = step.After,
        Versions = step.SavesAVersion
            ? [.. update.Versions, new UpdateVersion(step.After.Version, step.Actor, at, content ?? throw new ArgumentNullException(nameof(content)))]
            : update.Versions,
        Events = [.. update.Events, new UpdateEvent(at, step.Actor, step.Event)],
        OwesEmails = update.OwesEmails || step.WentLive,
        ETag = null,
    };

    private async Task<UpdateChangeOutcome> ChangeAsync(
        string slug, Func<UpdateDocument, (UpdateChangeOutcome Outcome, PublishingStep? Step)> decide, UpdateContent? content, DateTimeOffset at, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (update, eTag) = await _feedback.TryReadAsync<UpdateDocument>(slug, UpdateDocument.Partition, cancellationToken);
            if (update is null || eTag is null)
            {
                return UpdateChangeOutcome.NotFound;
            }

            var (outcome, step) = decide(update);
            if (step is null)
            {
                return outcome;
            }

            if (await _feedback.TryReplaceAsync(Keep(update, step, content, at), slug, UpdateDocument.Partition, eTag, cancellationToken))
            {
                if (step.WentLive || update.IsLive != (step.After.LiveVersion is not null))
                {
                    await AfterLiveChangeAsync(slug, at, cancellationToken);
                }

                return outcome;
            }
        }
    }

    /// <summary>After what the portal shows changed: the e-mails owed, then the number the portal watches.</summary>
    private async Task AfterLiveChangeAsync(string slug, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await QueueEmailsAsync(slug, at, cancellationToken);
        await BumpPublishedVersionAsync(cancellationToken);
    }

    /// <summary>Owes an e-mail to everyone linked to a live update who consented to contact, once each, then clears the mark.</summary>
    private async Task QueueEmailsAsync(string slug, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var (update, _) = await _feedback.TryReadAsync<UpdateDocument>(slug, UpdateDocument.Partition, cancellationToken);
        if (update is null)
        {
            return;
        }

        if (update.IsLive)
        {
            foreach (var link in update.Links)
            {
                if ((await _items.ReadAsync(link.Reference, cancellationToken)).Document is { ContactEmail: not null })
                {
                    await _outbox.OweAsync(
                        new OutboxDocument
                        {
                            Id = OutboxDocument.UpdateEmailId(slug, link.Reference),
                            Type = OutboxDocument.UpdateEmail,
                            Reference = link.Reference,
                            Slug = slug,
                            CreatedAt = at.ToUnixTimeMilliseconds(),
                        },
                        cancellationToken);
                }
            }
        }

        await ClearOwedAsync(slug, cancellationToken);
    }

    private async Task ClearOwedAsync(string slug, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (update, eTag) = await _feedback.TryReadAsync<UpdateDocument>(slug, UpdateDocument.Partition, cancellationToken);
            if (update is not { OwesEmails: true } || eTag is null
                || await _feedback.TryReplaceAsync(update with { OwesEmails = false, ETag = null }, slug, UpdateDocument.Partition, eTag, cancellationToken))
            {
                return;
            }
        }
    }

    private Task<List<UpdateDocument>> AllAsync(CancellationToken cancellationToken) =>
        UpdatesAsync(new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = @type"), cancellationToken);

    private Task<List<UpdateDocument>> LinkedToAsync(string reference, CancellationToken cancellationToken) =>
        UpdatesAsync(
            new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = @type AND ARRAY_CONTAINS(c.linkedReferences, @reference)").WithParameter("@reference", reference),
            cancellationToken);

    /// <summary>The updates <paramref name="query"/> finds in the updates partition (its <c>@type</c> is filled in here).</summary>
    private async Task<List<UpdateDocument>> UpdatesAsync(QueryDefinition query, CancellationToken cancellationToken) =>
        await _feedback.QueryAsync<UpdateDocument>(query.WithParameter("@type", UpdateDocument.TypeName), UpdateDocument.Partition, cancellationToken).ToListAsync(cancellationToken);
}
