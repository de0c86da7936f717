namespace QualityVoice.Feedback.Publishing;

/// <summary>
/// The engagement team's "you said, we did" updates: written as drafts, approved by a second person, published now
/// or at a set time, unpublished with a reason, and linked to the feedback they answer. Every saved edit is a
/// version; every step is in the update's history.
/// </summary>
public interface IUpdateStore
{
    /// <summary>
    /// Starts a draft at the first free address made from <paramref name="slug"/> (adding -2, -3… when taken here
    /// or, by <paramref name="isTaken"/>, elsewhere); returns the address it got.
    /// </summary>
    Task<string> CreateAsync(string slug, Func<string, bool> isTaken, UpdateContent content, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every update, the most recently edited first.</summary>
    Task<IReadOnlyList<UpdateSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>An update with its latest version; null when there is none.</summary>
    Task<YouSaidWeDidUpdate?> GetAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Every saved version, newest first.</summary>
    Task<IReadOnlyList<UpdateVersion>> VersionsAsync(string slug, CancellationToken cancellationToken);

    /// <summary>What happened to it, newest first.</summary>
    Task<IReadOnlyList<UpdateEvent>> EventsAsync(string slug, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a new version over <paramref name="version"/>. An update waiting for review or scheduled goes back to
    /// draft; a published one stays live as it was until the new version is approved.
    /// </summary>
    Task<UpdateChangeOutcome> EditAsync(string slug, int version, UpdateContent content, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Asks for a second person to review the latest version (from draft or unpublished).</summary>
    Task<UpdateChangeOutcome> SubmitForReviewAsync(string slug, int version, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The reviewer sends it back to draft, saying why.</summary>
    Task<UpdateChangeOutcome> SendBackAsync(string slug, int version, string reason, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// A second person approves the version under review: it goes live at <paramref name="publishAt"/>, at once when
    /// that is not later than <paramref name="at"/>. The approver may not be who saved or submitted it.
    /// </summary>
    Task<UpdateChangeOutcome> ApproveAsync(string slug, int version, DateTimeOffset publishAt, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Takes a live update off the portal, saying why.</summary>
    Task<UpdateChangeOutcome> UnpublishAsync(string slug, string reason, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Puts live every scheduled update whose time has come; returns how many.</summary>
    Task<int> PublishDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Links feedback items to an update; returns how many were newly linked, or null when there is no such update.
    /// People who consented to contact are told when the update is (or, if it already is, now that it is) live.
    /// </summary>
    Task<int?> LinkFeedbackAsync(string slug, IReadOnlyList<string> references, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Removes a feedback item from an update.</summary>
    Task<bool> UnlinkFeedbackAsync(string slug, string reference, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The updates a feedback item is linked to.</summary>
    Task<IReadOnlyList<UpdateSummary>> ForFeedbackAsync(string reference, CancellationToken cancellationToken);
}
