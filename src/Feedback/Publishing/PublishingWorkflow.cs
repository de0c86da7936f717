namespace QualityVoice.Feedback.Publishing;

/// <summary>
/// Where an update is in the workflow, as a store keeps it: what <see cref="PublishingWorkflow"/> decides from and
/// hands back changed.
/// </summary>
/// <param name="State">Where its latest version is.</param>
/// <param name="Version">The latest version's number.</param>
/// <param name="LiveVersion">The version the portal shows, or null.</param>
/// <param name="SubmittedBy">Who sent the latest version for review.</param>
/// <param name="ApprovedBy">Who approved it.</param>
/// <param name="ApprovedVersion">The version last approved: authors of later versions may not approve.</param>
/// <param name="PublishAt">When the approved version goes, or went, live.</param>
/// <param name="LiveSince">When the live version went live.</param>
/// <param name="FirstPublished">When it first went live: its date on the portal.</param>
/// <param name="UnpublishReason">Why it was taken down.</param>
public sealed record UpdateRecord(
    PublishingState State,
    int Version,
    int? LiveVersion,
    string? SubmittedBy,
    string? ApprovedBy,
    int? ApprovedVersion,
    DateTimeOffset? PublishAt,
    DateTimeOffset? LiveSince,
    DateTimeOffset? FirstPublished,
    string? UnpublishReason);

/// <summary>What the workflow decided: the update as it should now be, what to add to its history, and whether it went live.</summary>
/// <param name="After">The update as it should be kept.</param>
/// <param name="Event">What happened, in words, for its history.</param>
/// <param name="Actor">Who the history names.</param>
/// <param name="SavesAVersion">Whether the caller's words become version <see cref="UpdateRecord.Version"/>.</param>
/// <param name="WentLive">Whether the latest version went live (so the e-mails owed are queued).</param>
public sealed record PublishingStep(UpdateRecord After, string Event, string Actor, bool SavesAVersion = false, bool WentLive = false);

/// <summary>
/// "You said, we did" publishing, Draft → Ready for review → Published: a second person approves
/// (<see cref="SecondPersonRule"/>), now or at a set time; an edit is a new version, and what is live stays live until
/// the edit is approved; unpublishing takes it down with a reason. Each method returns the outcome and, when it is
/// <see cref="UpdateChangeOutcome.Done"/>, the step for the store to keep. Changes made from a page name the version
/// the page showed, and a newer one makes them <see cref="UpdateChangeOutcome.Stale"/>.
/// </summary>
public static class PublishingWorkflow
{
    /// <summary>A new draft, version 1, and its history's first line.</summary>
    public static PublishingStep Start(string actor) =>
        new(new UpdateRecord(PublishingState.Draft, 1, null, null, null, null, null, null, null, null), "Started the draft", actor, SavesAVersion: true);

    /// <summary>Saves a new version: back to draft (or still unpublished), needing its own review.</summary>
    public static (UpdateChangeOutcome Outcome, PublishingStep? Step) Edit(UpdateRecord update, int seenVersion, string actor)
    {
        if (seenVersion != update.Version)
        {
            return (UpdateChangeOutcome.Stale, null);
        }

        var next = update.Version + 1;
        return (UpdateChangeOutcome.Done, new PublishingStep(
            update with
            {
                Version = next,
                State = update.State == PublishingState.Unpublished ? PublishingState.Unpublished : PublishingState.Draft,
                SubmittedBy = null,
                ApprovedBy = null,
                PublishAt = update.State == PublishingState.Scheduled ? null : update.PublishAt,
            },
            $"Saved version {next}",
            actor,
            SavesAVersion: true));
    }

    /// <summary>Asks for a second person's review, from draft or unpublished.</summary>
    public static (UpdateChangeOutcome Outcome, PublishingStep? Step) SubmitForReview(UpdateRecord update, int seenVersion, string actor) =>
        seenVersion != update.Version ? (UpdateChangeOutcome.Stale, null)
        : update.State is not (PublishingState.Draft or PublishingState.Unpublished) ? (UpdateChangeOutcome.WrongState, null)
        : (UpdateChangeOutcome.Done, new PublishingStep(
            update with { State = PublishingState.ReadyForReview, SubmittedBy = actor }, $"Sent version {update.Version} for review", actor));

    /// <summary>The reviewer sends it back to draft, saying why.</summary>
    public static (UpdateChangeOutcome Outcome, PublishingStep? Step) SendBack(UpdateRecord update, int seenVersion, string reason, string actor) =>
        seenVersion != update.Version ? (UpdateChangeOutcome.Stale, null)
        : update.State != PublishingState.ReadyForReview ? (UpdateChangeOutcome.WrongState, null)
        : (UpdateChangeOutcome.Done, new PublishingStep(
            update with { State = PublishingState.Draft, SubmittedBy = null }, $"Sent version {update.Version} back to draft: {reason}", actor));

    /// <summary>
    /// A second person approves the version under review, to go live at <paramref name="publishAt"/> (at once when
    /// that is not later than <paramref name="at"/>). <paramref name="authorsSinceApproval"/> is
    /// <see cref="AuthorsSinceApproval"/>.
    /// </summary>
    public static (UpdateChangeOutcome Outcome, PublishingStep? Step) Approve(
        UpdateRecord update, int seenVersion, DateTimeOffset publishAt, IEnumerable<string> authorsSinceApproval, string actor, DateTimeOffset at)
    {
        if (seenVersion != update.Version)
        {
            return (UpdateChangeOutcome.Stale, null);
        }

        if (update.State != PublishingState.ReadyForReview)
        {
            return (UpdateChangeOutcome.WrongState, null);
        }

        if (!SecondPersonRule.MayApprove(actor, update.SubmittedBy, authorsSinceApproval))
        {
            return (UpdateChangeOutcome.SameReviewer, null);
        }

        var approved = update with { State = PublishingState.Scheduled, ApprovedBy = actor, ApprovedVersion = update.Version, PublishAt = publishAt };
        return publishAt <= at
            ? (UpdateChangeOutcome.Done, new PublishingStep(GoLive(approved, at), $"Approved version {update.Version}", actor, WentLive: true))
            : (UpdateChangeOutcome.Done, new PublishingStep(
                approved, $"Approved version {update.Version} to publish on {UkTime.Of(publishAt):d MMMM yyyy 'at' HH:mm} (UK time)", actor));
    }

    /// <summary>Takes a live update off the portal, saying why.</summary>
    public static (UpdateChangeOutcome Outcome, PublishingStep? Step) Unpublish(UpdateRecord update, string reason, string actor) =>
        update.LiveVersion is null
            ? (UpdateChangeOutcome.WrongState, null)
            : (UpdateChangeOutcome.Done, new PublishingStep(
                update with { State = PublishingState.Unpublished, LiveVersion = null, UnpublishReason = reason, SubmittedBy = null, ApprovedBy = null },
                $"Unpublished: {reason}",
                actor));

    /// <summary>A scheduled update whose time has come goes live, in the approver's name; null when it is not due.</summary>
    public static PublishingStep? PublishIfDue(UpdateRecord update, DateTimeOffset now) =>
        update.State == PublishingState.Scheduled && update.PublishAt <= now && update.ApprovedBy is { } approver
            ? new PublishingStep(GoLive(update, now), $"Version {update.Version} went live as scheduled", approver, WentLive: true)
            : null;

    /// <summary>Who saved a version since the last approval: none of them may approve (<see cref="SecondPersonRule"/>).</summary>
    public static IEnumerable<string> AuthorsSinceApproval(UpdateRecord update, IEnumerable<(int Version, string EditedBy)> versions) =>
        versions.Where(version => version.Version > (update.ApprovedVersion ?? 0)).Select(version => version.EditedBy).Distinct(StringComparer.Ordinal);

    private static UpdateRecord GoLive(UpdateRecord update, DateTimeOffset at) => update with
    {
        State = PublishingState.Published,
        LiveVersion = update.Version,
        PublishAt = at,
        LiveSince = at,
        FirstPublished = update.FirstPublished ?? at,
        UnpublishReason = null,
    };
}
