namespace QualityVoice.Staff.Accounts;

/// <summary>
/// Where requests for a role that needs a second person are kept. It loads and saves; who may ask and who may approve
/// are <see cref="StaffAccounts"/>' and <see cref="RoleChangeRules"/>' to decide.
/// </summary>
public interface IRoleRequests
{
    /// <summary>Adds a request (giving it its id); false when one for the same account and role is already waiting.</summary>
    Task<bool> AddAsync(RoleRequest request, CancellationToken cancellationToken);

    /// <summary>The requests still waiting for a decision, oldest first.</summary>
    Task<IReadOnlyList<RoleRequest>> WaitingAsync(CancellationToken cancellationToken);

    /// <summary>A request that is still waiting, or null.</summary>
    Task<RoleRequest?> FindWaitingAsync(long id, CancellationToken cancellationToken);

    /// <summary>Saves a request's decision; false when someone else decided it first.</summary>
    Task<bool> SaveDecisionAsync(RoleRequest decided, CancellationToken cancellationToken);

    /// <summary>The requests the guardians have not yet been told of, oldest first.</summary>
    Task<IReadOnlyList<RoleRequest>> UnannouncedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims telling the guardians of a request until <paramref name="until"/>; false when it has been announced, or
    /// another instance's claim is still running at <paramref name="now"/>.
    /// </summary>
    Task<bool> TryClaimAnnouncementAsync(long id, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Records that every guardian was told of a request.</summary>
    Task MarkAnnouncedAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);
}
