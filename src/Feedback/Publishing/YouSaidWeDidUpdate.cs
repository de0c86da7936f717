namespace QualityVoice.Feedback.Publishing;

/// <summary>An update as the back office sees it: its latest version, where it is in the workflow, and who did what.</summary>
/// <param name="Slug">Its address under /you-said-we-did/.</param>
/// <param name="State">Where its latest version is in the workflow.</param>
/// <param name="Version">The latest version's number.</param>
/// <param name="LiveVersion">The version the portal shows, or null when it is not public.</param>
/// <param name="Content">The latest version's words and links.</param>
/// <param name="CreatedBy">Who started it.</param>
/// <param name="EditedBy">Who saved the latest version.</param>
/// <param name="EditedAt">When.</param>
/// <param name="SubmittedBy">Who asked for review of the latest version.</param>
/// <param name="ApprovedBy">Who approved it.</param>
/// <param name="PublishAt">When the approved version goes, or went, live.</param>
/// <param name="FirstPublished">When it first went live.</param>
/// <param name="UnpublishReason">Why it was taken down.</param>
/// <param name="LinkedFeedback">The references of the feedback it answers, oldest link first.</param>
/// <param name="Emails">The e-mails owed to the people whose feedback it answers: sent, waiting, and given up.</param>
public sealed record YouSaidWeDidUpdate(
    string Slug,
    PublishingState State,
    int Version,
    int? LiveVersion,
    UpdateContent Content,
    string CreatedBy,
    string EditedBy,
    DateTimeOffset EditedAt,
    string? SubmittedBy,
    string? ApprovedBy,
    DateTimeOffset? PublishAt,
    DateTimeOffset? FirstPublished,
    string? UnpublishReason,
    IReadOnlyList<string> LinkedFeedback,
    UpdateEmails Emails);

/// <summary>Where the e-mails about an update have got.</summary>
/// <param name="Sent">Sent.</param>
/// <param name="Waiting">Waiting to be sent, or to be tried again.</param>
/// <param name="Failed">Given up after too many tries.</param>
public sealed record UpdateEmails(int Sent, int Waiting, int Failed);

/// <summary>An update in the back office's list.</summary>
/// <param name="Slug">Its address.</param>
/// <param name="Title">The latest version's title.</param>
/// <param name="State">Where it is in the workflow.</param>
/// <param name="IsLive">Whether the portal shows a version of it.</param>
/// <param name="EditedBy">Who saved the latest version.</param>
/// <param name="EditedAt">When.</param>
/// <param name="PublishAt">When it goes, or went, live.</param>
/// <param name="LinkedFeedback">How many feedback items it answers.</param>
public sealed record UpdateSummary(
    string Slug,
    string Title,
    PublishingState State,
    bool IsLive,
    string EditedBy,
    DateTimeOffset EditedAt,
    DateTimeOffset? PublishAt,
    int LinkedFeedback);

/// <summary>A saved version, for the history.</summary>
/// <param name="Version">Its number.</param>
/// <param name="EditedBy">Who saved it.</param>
/// <param name="EditedAt">When.</param>
/// <param name="Content">Its words and links.</param>
public sealed record UpdateVersion(int Version, string EditedBy, DateTimeOffset EditedAt, UpdateContent Content);

/// <summary>Something that happened to an update.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="What">What they did, in words.</param>
public sealed record UpdateEvent(DateTimeOffset At, string Actor, string What);
