namespace QualityVoice.Feedback.Audit;

/// <summary>One thing a member of staff did that the audit log keeps.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who (their e-mail address).</param>
/// <param name="Action">What kind of thing: see <see cref="AuditActions"/>.</param>
/// <param name="Subject">What it was done to: a reference, an export, an account.</param>
/// <param name="Detail">What, in words; never feedback text or personal information.</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Subject, string Detail)
{
    /// <summary>
    /// How the subjects of entries about Freedom to Speak Up begin (a case's SU- reference, the data return):
    /// only guardians read those entries, since even "opened the case, with who raised it" says which are confidential.
    /// </summary>
    public static IReadOnlyList<string> SpeakUpSubjectPrefixes { get; } = ["SU-", "speak-up"];

    /// <summary>Whether the entry is about Freedom to Speak Up.</summary>
    public bool IsSpeakUp => SpeakUpSubjectPrefixes.Any(prefix => Subject.StartsWith(prefix, StringComparison.Ordinal));
}

/// <summary>Which part of the log a reader may see.</summary>
public enum AuditArea
{
    /// <summary>Everything but Freedom to Speak Up: what administrators read.</summary>
    AllButSpeakUp,

    /// <summary>Only Freedom to Speak Up: what guardians read.</summary>
    SpeakUp,
}

/// <summary>The kinds of action the audit log records.</summary>
public static class AuditActions
{
    /// <summary>Opened an item (redacted).</summary>
    public const string Viewed = "viewed";

    /// <summary>Showed an item's original, unredacted text, with a reason.</summary>
    public const string ViewedOriginal = "viewed-original";

    /// <summary>Changed an item: status, owner, escalation, themes, sentiment, note, reply.</summary>
    public const string Changed = "changed";

    /// <summary>Downloaded an export.</summary>
    public const string Exported = "exported";

    /// <summary>Wrote, reviewed, published or unpublished a "you said, we did" update, or linked feedback to one.</summary>
    public const string Publishing = "publishing";

    /// <summary>Added or changed a staff account, or signed out everywhere.</summary>
    public const string Account = "account";

    /// <summary>Imported a provider's file of feedback (the counts, never the rows).</summary>
    public const string Imported = "imported";

    /// <summary>Issued or revoked an API client's key.</summary>
    public const string ApiClient = "api-client";

    /// <summary>The retention policy removed what it no longer keeps (the counts, never the words).</summary>
    public const string Retention = "retention";

    /// <summary>Answered a subject access request: downloaded everything held about a reference.</summary>
    public const string SubjectAccess = "subject-access";

    /// <summary>Erased everything held about a reference, at the person's request.</summary>
    public const string Erased = "erased";

    /// <summary>Every action, for the administrator's filter.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewed, ViewedOriginal, Changed, Exported, Publishing, Account, Imported, ApiClient, Retention, SubjectAccess, Erased];
}

/// <summary>Which entries to read, newest first.</summary>
/// <param name="Actor">Only this member of staff's.</param>
/// <param name="Action">Only this kind of action.</param>
/// <param name="Subject">Only about this reference, export or account.</param>
/// <param name="Before">Only entries older than this id (the next page).</param>
/// <param name="Area">Which part of the log.</param>
public sealed record AuditQuery(string? Actor = null, string? Action = null, string? Subject = null, long? Before = null, AuditArea Area = AuditArea.AllButSpeakUp);
