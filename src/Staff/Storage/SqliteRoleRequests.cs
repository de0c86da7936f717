using Microsoft.EntityFrameworkCore;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.Staff.Storage;

/// <summary>Role requests in the staff database (<c>RoleRequests</c>, one waiting request per account and role).</summary>
public sealed class SqliteRoleRequests(StaffDbContext database) : IRoleRequests
{
    /// <inheritdoc />
    public async Task<bool> AddAsync(RoleRequest request, CancellationToken cancellationToken)
    {
        if (await database.RoleRequests.AnyAsync(waiting => waiting.Email == request.Email && waiting.Role == request.Role && waiting.Outcome == null, cancellationToken))
        {
            return false;
        }

        database.RoleRequests.Add(request);
        try
        {
            await database.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // IX_RoleRequests_Waiting: another request for the same account and role arrived in between.
            database.Entry(request).State = EntityState.Detached;
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RoleRequest>> WaitingAsync(CancellationToken cancellationToken) =>
        await database.RoleRequests.AsNoTracking().Where(request => request.Outcome == null).OrderBy(request => request.Id).ToListAsync(cancellationToken);

    /// <inheritdoc />
    public Task<RoleRequest?> FindWaitingAsync(long id, CancellationToken cancellationToken) =>
        database.RoleRequests.AsNoTracking().SingleOrDefaultAsync(request => request.Id == id && request.Outcome == null, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> SaveDecisionAsync(RoleRequest decided, CancellationToken cancellationToken) =>
        await database.RoleRequests.Where(request => request.Id == decided.Id && request.Outcome == null).ExecuteUpdateAsync(
            set => set.SetProperty(request => request.Outcome, decided.Outcome)
                .SetProperty(request => request.DecidedBy, decided.DecidedBy)
                .SetProperty(request => request.DecidedAt, decided.DecidedAt),
            cancellationToken) == 1;

    /// <inheritdoc />
    public async Task<IReadOnlyList<RoleRequest>> UnannouncedAsync(CancellationToken cancellationToken) =>
        await database.RoleRequests.AsNoTracking().Where(request => request.AnnouncedAt == null).OrderBy(request => request.Id).ToListAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<bool> TryClaimAnnouncementAsync(long id, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var at = now.ToUnixTimeMilliseconds();
        return await database.RoleRequests
            .Where(request => request.Id == id && request.AnnouncedAt == null && (request.AnnouncingUntil == null || request.AnnouncingUntil < at))
            .ExecuteUpdateAsync(set => set.SetProperty(request => request.AnnouncingUntil, until.ToUnixTimeMilliseconds()), cancellationToken) == 1;
    }

    /// <inheritdoc />
    public Task MarkAnnouncedAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.RoleRequests.Where(request => request.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(request => request.AnnouncedAt, at.ToUnixTimeMilliseconds()), cancellationToken);
}
