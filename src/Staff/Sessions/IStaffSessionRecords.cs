namespace QualityVoice.Staff.Sessions;

/// <summary>A staff session as it is kept: its id, whose it is, its encrypted ticket, and when it started and ends.</summary>
public sealed record StaffSessionRecord(string Id, string UserId, byte[] Ticket, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// Where staff sessions are kept. It loads and saves; how long a session lasts is <see cref="StaffSessionStore"/>'s
/// to decide.
/// </summary>
public interface IStaffSessionRecords
{
    /// <summary>Adds a new session.</summary>
    Task AddAsync(StaffSessionRecord session, CancellationToken cancellationToken);

    /// <summary>
    /// Gives a session its renewed ticket and expiry, if it is still there: a session removed meanwhile (signed out on
    /// another instance) stays removed.
    /// </summary>
    Task RenewAsync(string id, byte[] ticket, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>A session, or null.</summary>
    Task<StaffSessionRecord?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Removes a session.</summary>
    Task RemoveAsync(string id, CancellationToken cancellationToken);

    /// <summary>Removes every session of an account.</summary>
    Task RemoveAllOfAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Removes the sessions that expired or started before the times given (a store with a time to live may leave it to that).</summary>
    Task RemoveEndedAsync(DateTimeOffset expiredBefore, DateTimeOffset startedBefore, CancellationToken cancellationToken);
}
