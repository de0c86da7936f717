namespace QualityVoice.Feedback.Audit;

/// <summary>The append-only record of who viewed, changed or exported what.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry; it can never be changed or removed.</summary>
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>A page of entries, newest first, with the id to read the next page from.</summary>
    Task<(IReadOnlyList<(long Id, AuditEntry Entry)> Entries, long? Next)> ReadAsync(AuditQuery query, int pageSize, CancellationToken cancellationToken = default);
}
