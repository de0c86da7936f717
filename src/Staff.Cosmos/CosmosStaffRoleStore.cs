using Microsoft.AspNetCore.Identity;
using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Storage.Cosmos;

namespace QualityVoice.Staff.Storage.Cosmos;

/// <summary>ASP.NET Core Identity's role store on the <c>staff</c> container: a role is a document named by its normalised name.</summary>
public sealed class CosmosStaffRoleStore(CosmosContainers containers, IdentityErrorDescriber errors) : IRoleStore<IdentityRole>
{
    private const string Partition = StaffAccountDocument.Partition;
    private readonly Container _staff = containers.Staff;

    /// <inheritdoc />
    public async Task<IdentityResult> CreateAsync(IdentityRole role, CancellationToken cancellationToken) =>
        await _staff.TryCreateAsync(DocumentOf(role), Partition, cancellationToken)
            ? IdentityResult.Success
            : IdentityResult.Failed(errors.DuplicateRoleName(role.Name ?? role.Id));

    /// <inheritdoc />
    public async Task<IdentityResult> UpdateAsync(IdentityRole role, CancellationToken cancellationToken)
    {
        var (stored, eTag) = await _staff.TryReadAsync<StaffRoleDocument>(StaffRoleDocument.IdFor(role.NormalizedName ?? string.Empty), Partition, cancellationToken);
        if (stored is null || stored.ConcurrencyStamp != role.ConcurrencyStamp)
        {
            return IdentityResult.Failed(errors.ConcurrencyFailure());
        }

        role.ConcurrencyStamp = Guid.NewGuid().ToString();
        return await _staff.TryReplaceAsync(DocumentOf(role), stored.Id, Partition, eTag!, cancellationToken)
            ? IdentityResult.Success
            : IdentityResult.Failed(errors.ConcurrencyFailure());
    }

    /// <inheritdoc />
    public async Task<IdentityResult> DeleteAsync(IdentityRole role, CancellationToken cancellationToken)
    {
        await _staff.DeleteIfPresentAsync(StaffRoleDocument.IdFor(role.NormalizedName ?? string.Empty), Partition, cancellationToken);
        return IdentityResult.Success;
    }

    /// <inheritdoc />
    public async Task<IdentityRole?> FindByIdAsync(string roleId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'role' AND c.roleId = @id").WithParameter("@id", roleId);
        await foreach (var found in _staff.QueryAsync<StaffRoleDocument>(query, Partition, cancellationToken))
        {
            return RoleOf(found);
        }

        return null;
    }

    /// <inheritdoc />
    public async Task<IdentityRole?> FindByNameAsync(string normalizedRoleName, CancellationToken cancellationToken)
    {
        var (stored, _) = await _staff.TryReadAsync<StaffRoleDocument>(StaffRoleDocument.IdFor(normalizedRoleName), Partition, cancellationToken);
        return stored is null ? null : RoleOf(stored);
    }

    /// <inheritdoc />
    public Task<string> GetRoleIdAsync(IdentityRole role, CancellationToken cancellationToken) => Task.FromResult(role.Id);

    /// <inheritdoc />
    public Task<string?> GetRoleNameAsync(IdentityRole role, CancellationToken cancellationToken) => Task.FromResult(role.Name);

    /// <inheritdoc />
    public Task SetRoleNameAsync(IdentityRole role, string? roleName, CancellationToken cancellationToken)
    {
        role.Name = roleName;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetNormalizedRoleNameAsync(IdentityRole role, CancellationToken cancellationToken) => Task.FromResult(role.NormalizedName);

    /// <inheritdoc />
    public Task SetNormalizedRoleNameAsync(IdentityRole role, string? normalizedName, CancellationToken cancellationToken)
    {
        role.NormalizedName = normalizedName;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static StaffRoleDocument DocumentOf(IdentityRole role) =>
        new(StaffRoleDocument.IdFor(role.NormalizedName ?? throw new InvalidOperationException("A role needs its normalised name.")), role.Id, role.Name, role.NormalizedName, role.ConcurrencyStamp);

    private static IdentityRole RoleOf(StaffRoleDocument stored) =>
        new() { Id = stored.RoleId, Name = stored.Name, NormalizedName = stored.NormalizedName, ConcurrencyStamp = stored.ConcurrencyStamp };
}
