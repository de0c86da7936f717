using System.ComponentModel.DataAnnotations;

namespace QualityVoice.Feedback.Hosting;

/// <summary>Which store holds feedback and speak-up cases, and where. Bound from the <c>Feedback</c> section.</summary>
public sealed class FeedbackStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Feedback";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>Cosmos</c>.</summary>
    [Required]
    [RegularExpression("^(Sqlite|Cosmos)$", ErrorMessage = "Feedback:Store must be Sqlite or Cosmos.")]
    public string Store { get; set; } = "Sqlite";

    /// <summary>The feedback database file; by default <c>feedback.db</c> in the data directory.</summary>
    public string? SqlitePath { get; set; }

    /// <summary>The speak-up database file; by default <c>speak-up.db</c> in the data directory.</summary>
    public string? SpeakUpSqlitePath { get; set; }

    /// <summary>The audit log's file; by default <c>audit.db</c> in the data directory.</summary>
    public string? AuditSqlitePath { get; set; }

    /// <summary>
    /// The secret that keys passphrase hashes, base64 (at least 32 bytes), from Key Vault in production;
    /// by default a file <c>tracking.key</c> in the data directory, created on first start.
    /// </summary>
    public string? TrackingKey { get; set; }

    /// <summary>
    /// How long an acknowledgement waits for SQLite's write lock when another process holds it (the back office, a
    /// command) before it answers 503 with <c>Retry-After</c>: a hung process costs intake this wait, never a stall.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan IntakeLockWait { get; set; } = TimeSpan.FromSeconds(2);
}
