using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Staff.Sessions;

namespace QualityVoice.Staff.Storage.Cosmos;

/// <summary>
/// Staff sessions in the <c>staff</c> container (partition <c>sessions</c>), which every back-office instance reads, so
/// that a session started on one is open on the next and signing out on one ends it on all. Cosmos DB removes a session
/// when it expires (its time to live); the session store refuses an expired one before then.
/// </summary>
public sealed class CosmosStaffSessionRecords(CosmosContainers containers, TimeProvider time) : IStaffSessionRecords
{
    private const string Partition = "sessions";
    private readonly Container _staff = containers.Staff;

    /// <inheritdoc />
    public async Task AddAsync(StaffSessionRecord session, CancellationToken cancellationToken)
    {
        if (!await _staff.TryCreateAsync(
                new SessionDocument(session.Id, session.UserId, session.Ticket, session.StartedAt, session.ExpiresAt, TimeToLive(session.ExpiresAt)),
                Partition,
                cancellationToken))
        {
            throw new InvalidOperationException("A session with that id already exists.");
        }
    }

    /// <inheritdoc />
    public async Task RenewAsync(string id, byte[] ticket, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        // A patch, not an upsert: a session signed out on another instance meanwhile is not brought back.
        using var response = await _staff.PatchItemStreamAsync(
            id,
            new PartitionKey(Partition),
            [PatchOperation.Set("/ticket", ticket), PatchOperation.Set("/expiresAt", expiresAt), PatchOperation.Set("/ttl", TimeToLive(expiresAt))],
            cancellationToken: cancellationToken);
        if (response.StatusCode != System.Net.HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    /// <inheritdoc />
    public async Task<StaffSessionRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var (found, _) = await _staff.TryReadAsync<SessionDocument>(id, Partition, cancellationToken);
        return found is null ? null : new StaffSessionRecord(found.Id, found.UserId, found.Ticket, found.StartedAt, found.ExpiresAt);
    }

    /// <inheritdoc />
    public Task RemoveAsync(string id, CancellationToken cancellationToken) => _staff.DeleteIfPresentAsync(id, Partition, cancellationToken);

    /// <inheritdoc />
    public async Task RemoveAllOfAsync(string userId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT c.id FROM c WHERE c.pk = @pk AND c.type = 'session' AND c.userId = @user").WithParameter("@user", userId);
        foreach (var session in await _staff.QueryAsync<SessionId>(query, Partition, cancellationToken).ToListAsync(cancellationToken))
        {
            await _staff.DeleteIfPresentAsync(session.Id, Partition, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task RemoveEndedAsync(DateTimeOffset expiredBefore, DateTimeOffset startedBefore, CancellationToken cancellationToken) => Task.CompletedTask;

    private int TimeToLive(DateTimeOffset expiresAt) => (int)Math.Clamp(Math.Ceiling((expiresAt - time.GetUtcNow()).TotalSeconds) + 60, 60, int.MaxValue);

    private sealed record SessionId(string Id);

    /// <summary>
    /// A session as the container keeps it; its time to live runs from each save to a minute past the session's idle
    /// expiry, so a session that is used stays, and one left alone goes soon after it would expire.
    /// </summary>
    private sealed record SessionDocument(string Id, string UserId, byte[] Ticket, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt, int Ttl)
    {
        public string Pk { get; init; } = Partition;

        public string Type { get; init; } = "session";
    }
}
