using System.Text.Json.Serialization;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// A "you said, we did" update in the <c>feedback</c> container's <c>updates</c> partition (a few hundred a year per
/// ICB, always listed together): its workflow record, every version, its history and the feedback linked to it.
/// </summary>
internal sealed record UpdateDocument
{
    public const string Partition = "updates";

    public const string TypeName = "update";

    public required string Id { get; init; }

    public string Pk { get; init; } = Partition;

    public string Type { get; init; } = TypeName;

    public required UpdateRecord Record { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<UpdateVersion> Versions { get; init; } = [];

    public IReadOnlyList<UpdateEvent> Events { get; init; } = [];

    public IReadOnlyList<UpdateLink> Links { get; init; } = [];

    /// <summary>
    /// Whether the e-mails owed (it went live, or feedback was linked while live) may not all be queued yet: set in
    /// the same write as the change, cleared once they are, so that a writer stopping in between loses none.
    /// </summary>
    public bool OwesEmails { get; init; }

    // Derived on every write (get-only: serialised, never read back), for the queries.

    public PublishingState State => Record.State;

    public bool IsLive => Record.LiveVersion is not null;

    public IReadOnlyList<string> LinkedReferences => Links.Select(link => link.Reference).ToArray();

    [JsonPropertyName("_etag")]
    public string? ETag { get; init; }

    /// <summary>The latest version.</summary>
    [JsonIgnore]
    public UpdateVersion Latest => Versions.Single(version => version.Version == Record.Version);

    /// <summary>The live version, or the latest when none is live.</summary>
    [JsonIgnore]
    public UpdateVersion LiveOrLatest => Versions.Single(version => version.Version == (Record.LiveVersion ?? Record.Version));

    public UpdateSummary ToSummary() =>
        new(Id, Latest.Content.Title, Record.State, IsLive, Latest.EditedBy, Latest.EditedAt, Record.PublishAt, Links.Count);
}

/// <summary>A feedback item linked to an update: who linked it, and when.</summary>
internal sealed record UpdateLink(string Reference, string LinkedBy, DateTimeOffset LinkedAt);

/// <summary>The number the portal watches to know that what it shows of published updates may have changed.</summary>
internal sealed record PublishedVersionDocument(long Version)
{
    public const string DocumentId = "published-version";

    public string Id { get; init; } = DocumentId;

    public string Pk { get; init; } = UpdateDocument.Partition;

    public string Type { get; init; } = "counter";
}

/// <summary>
/// An e-mail owed, in the <c>feedback</c> container's <c>outbox</c> partition: claimed for a while by a sender,
/// then sent or given up on. Its id says which, so that owing the same e-mail twice is one document.
/// </summary>
internal sealed record OutboxDocument
{
    public const string Partition = "outbox";

    /// <summary>To a person whose feedback a live update answers.</summary>
    public const string UpdateEmail = "update-email";

    /// <summary>To a person the quality team replied to on /track.</summary>
    public const string ReplyEmail = "reply-email";

    /// <summary>To a member of staff about publishing work.</summary>
    public const string StaffEmail = "staff-email";

    public required string Id { get; init; }

    public string Pk { get; init; } = Partition;

    public required string Type { get; init; }

    /// <summary>The feedback it is about (never for staff e-mails).</summary>
    public string? Reference { get; init; }

    /// <summary>The update it is about.</summary>
    public string? Slug { get; init; }

    /// <summary>When the reply it tells of was published.</summary>
    public DateTimeOffset? ReplyAt { get; init; }

    /// <summary>A staff e-mail itself: a work address, a subject and a body about publishing work.</summary>
    public Publishing.StaffNotice? Notice { get; init; }

    public string State { get; init; } = "pending";

    public int Attempts { get; init; }

    public long? LeaseUntil { get; init; }

    public required long CreatedAt { get; init; }

    public long? SentAt { get; init; }

    [JsonPropertyName("_etag")]
    public string? ETag { get; init; }

    public static string UpdateEmailId(string slug, string reference) => $"update:{slug}:{reference}";

    public static string ReplyEmailId(string reference, DateTimeOffset replyAt) => $"reply:{reference}:{replyAt.ToUnixTimeMilliseconds()}";
}
