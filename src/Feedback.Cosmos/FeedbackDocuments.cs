using System.Text.Json.Serialization;
using QualityVoice.Analysis;
using QualityVoice.Feedback.Tracking;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// A feedback item in the <c>feedback</c> container: its id is its reference and its partition the month it
/// arrived (<c>yyyy-MM</c>), so that the back office's lists read one month's partition at a time.
/// </summary>
internal sealed record FeedbackDocument
{
    public const string TypeName = "item";

    public required string Id { get; init; }

    public required string Pk { get; init; }

    public string Type { get; init; } = TypeName;

    public required FeedbackKind Kind { get; init; }

    public required string ServiceId { get; init; }

    public required string ServiceName { get; init; }

    public required FftRating FftRating { get; init; }

    public string? WhatWasGood { get; init; }

    public string? WhatCouldImprove { get; init; }

    public string? ExperienceMonth { get; init; }

    public required CollectionMode CollectionMode { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>Arrival time in milliseconds, then the reference: one string to order and page by.</summary>
    public required string SortKey { get; init; }

    public TriageStatus Status { get; init; } = TriageStatus.New;

    public string? AssignedTo { get; init; }

    public string? ContactEmail { get; init; }

    public required byte[] PassphraseHash { get; init; }

    public AnalysisState AnalysisState { get; init; } = AnalysisState.Pending;

    public string? AnalysisLease { get; init; }

    public long? AnalysisLeaseUntil { get; init; }

    public int AnalysisAttempts { get; init; }

    /// <summary>When its analysis was queued: on arrival (an import's, for a provider's row) or when queued again.</summary>
    public DateTimeOffset? AnalysisQueuedAt { get; init; }

    /// <summary>The W3C traceparent of the intake span that stored it, for the analysis span's link.</summary>
    public string? AnalysisTrace { get; init; }

    public string? ModelVersion { get; init; }

    public FeedbackAnalysis? Analysis { get; init; }

    // What the quality team did: corrections (human labels analysis never overwrites), the triage fields, the item's
    // history and its conversation on /track. Version counts changes, as the SQLite row's does.

    public Sentiment? SentimentCorrected { get; init; }

    public string? SentimentBy { get; init; }

    public IReadOnlyList<string>? ThemesCorrected { get; init; }

    public string? ThemesBy { get; init; }

    public string? ClosureReason { get; init; }

    public Escalation? Escalation { get; init; }

    public string? PublicReply { get; init; }

    public DateTimeOffset? PublicReplyAt { get; init; }

    public UrgentAcknowledgement? Acknowledged { get; init; }

    public DateTimeOffset? UrgentAnswerAt { get; init; }

    public UrgentMarking? MarkedUrgent { get; init; }

    public DateTimeOffset? OverdueToldAt { get; init; }

    public IReadOnlyList<TriageEvent> History { get; init; } = [];

    public IReadOnlyList<FeedbackMessage> Messages { get; init; } = [];

    public long Version { get; init; }

    /// <summary>When the retention policy removed its original words and e-mail address; null while it holds them.</summary>
    public DateTimeOffset? OriginalsRemovedAt { get; init; }

    /// <summary>The keys of its month's rollup this item is counted in (<see cref="RollupKey"/>), as last written.</summary>
    public IReadOnlyList<string>? Counted { get; init; }

    // Derived from the above on every write (get-only: serialised, never read back), so that the inbox's filters are
    // plain equality and ARRAY_CONTAINS conditions on indexed fields.

    /// <summary>The effective sentiment: staff's correction, or the model's.</summary>
    public Sentiment? Sentiment => SentimentCorrected ?? Analysis?.Sentiment;

    /// <summary>The effective themes: staff's correction, or the model's.</summary>
    public IReadOnlyList<string> Themes => ThemesCorrected ?? Analysis?.Themes.Select(theme => theme.Name).ToArray() ?? [];

    /// <summary>Each effective theme with the feeling about it (<c>theme|sentiment</c>), for "negative about waiting".</summary>
    public IReadOnlyList<string> ThemeFeelings => Themes
        .Select(theme => (Theme: theme, Feeling: FeelingAbout(theme)))
        .Where(pair => pair.Feeling is not null)
        .Select(pair => ThemeFeeling(pair.Theme, pair.Feeling!.Value))
        .ToArray();

    public bool Urgent => Analysis?.Urgent == true || UrgentAnswerAt is not null || MarkedUrgent is not null;

    /// <summary>When its 24-hour urgent clock started (<see cref="UrgentResponse.ClockFrom"/>).</summary>
    public DateTimeOffset UrgentSince() => UrgentResponse.ClockFrom(SubmittedAt, UrgentAnswerAt, MarkedUrgent?.At);

    public bool NeedsReview => Analysis?.NeedsReview == true && ThemesBy is null && SentimentBy is null;

    /// <summary>The words of the redacted text, lower case, for search (<see cref="SearchWords"/>).</summary>
    public IReadOnlyList<string> Terms => SearchWords.Of($"{Analysis?.RedactedWhatWasGood} {Analysis?.RedactedWhatCouldImprove}");

    /// <summary>Whether the item belongs in the urgent queue: urgent and not closed.</summary>
    public bool InUrgentQueue() => Urgent && Status != TriageStatus.Closed;

    public static string ThemeFeeling(string theme, Sentiment feeling) => $"{theme}|{WireName<Sentiment>.Of(feeling)}";

    /// <summary>The feeling about a theme: read from its own clauses unless staff corrected the item's sentiment.</summary>
    public Sentiment? FeelingAbout(string theme) =>
        SentimentBy is null && Analysis?.ThemeSentiments?.FirstOrDefault(feeling => feeling.Theme == theme) is { } own ? own.Sentiment : Sentiment;

    /// <summary>The version read, from a query's results; never written back.</summary>
    [JsonPropertyName("_etag")]
    public string? ETag { get; init; }

    public static FeedbackDocument From(FeedbackRecord record) => new()
    {
        Id = record.Reference,
        Pk = YearMonth.Of(record.SubmittedAt).ToString(),
        Kind = record.Feedback.Kind,
        ServiceId = record.Feedback.ServiceId,
        ServiceName = record.Feedback.ServiceName,
        FftRating = record.Feedback.FftRating,
        WhatWasGood = record.Feedback.WhatWasGood,
        WhatCouldImprove = record.Feedback.WhatCouldImprove,
        ExperienceMonth = record.Feedback.ExperienceMonth?.ToString(),
        CollectionMode = record.Feedback.CollectionMode,
        SubmittedAt = record.SubmittedAt,
        SortKey = SortKeyOf(record.SubmittedAt, record.Reference),
        ContactEmail = record.ProtectedContactEmail,
        PassphraseHash = record.PassphraseHash,
        AnalysisQueuedAt = record.ReceivedAt,
        AnalysisTrace = record.TraceParent,
    };

    public static string SortKeyOf(DateTimeOffset submittedAt, string reference) =>
        $"{submittedAt.ToUnixTimeMilliseconds():D15}|{reference}";

    public FeedbackItem ToItem() => new(
        Id,
        Kind,
        ServiceId,
        ServiceName,
        FftRating,
        WhatWasGood,
        WhatCouldImprove,
        YearMonth.TryParse(ExperienceMonth, out var month) ? month : null,
        CollectionMode,
        SubmittedAt,
        Status,
        ContactEmail is not null,
        AnalysisState,
        Analysis);
}

/// <summary>
/// Points a reference at the month partition that holds its item, in a partition of its own
/// (<c>reference:QV-…</c>), so that finding an item by reference is two point reads and no query. Creating it is
/// also what makes a reference unique across months.
/// </summary>
internal sealed record ReferenceDocument(string Id, string Pk, string Month, string? IdempotencyKey)
{
    public string Type { get; init; } = "reference";

    public static string PartitionOf(string reference) => "reference:" + reference;
}

/// <summary>
/// Claims an idempotency key, in a partition of its own, for <see cref="Lifetime"/> (then Cosmos DB's TTL removes
/// it). It holds the first request's reference and keyed fingerprint only: never a copy of the item, so that
/// nothing a person asked to delete (their e-mail address) survives in a claim.
/// </summary>
internal sealed record IdempotencyDocument(string Id, string Pk, string Reference, byte[]? RequestFingerprint, int Ttl)
{
    /// <summary>How long a key is remembered: a client's retries come within minutes, a day's outage within days.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public string Type { get; init; } = "idempotency";

    /// <summary>A claim that lasts <see cref="Lifetime"/>, or, for a row of a provider's file, as long as the item (-1: no expiry).</summary>
    public static IdempotencyDocument Claim(string key, string reference, byte[]? fingerprint, bool forever = false) =>
        new(key, PartitionOf(key), reference, fingerprint, forever ? -1 : (int)Lifetime.TotalSeconds);

    public static string PartitionOf(string key) => "idempotency:" + key;
}

/// <summary>The months that hold items, so that lists can visit each month's partition in turn.</summary>
internal sealed record MonthsDocument(IReadOnlyList<string> Months)
{
    public const string Partition = "months";

    public string Id { get; init; } = Partition;

    public string Pk { get; init; } = Partition;

    public string Type { get; init; } = "months";
}

/// <summary>Equality monitoring answers in their own container, with the service and month only.</summary>
internal sealed record EqualityMonitoringDocument(string Id, string Pk, string ServiceId, EqualityMonitoring Answers);
