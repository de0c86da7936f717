using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.Staff.Storage;

/// <summary>Every account in the staff database, through Identity's queryable store.</summary>
public sealed class EfStaffAccountList(UserManager<StaffUser> users) : IStaffAccountList
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StaffUser>> AllAsync(CancellationToken cancellationToken) => await users.Users.ToListAsync(cancellationToken);
}
