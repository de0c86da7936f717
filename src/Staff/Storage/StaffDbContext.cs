using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.Staff.Storage;

/// <summary>
/// The staff database: ASP.NET Core Identity's tables. Its schema comes from the versioned scripts beside it
/// (written from <c>Database.GenerateCreateScript()</c>, since EF Core's design-time tools are not served here).
/// </summary>
public sealed class StaffDbContext(DbContextOptions<StaffDbContext> options) : IdentityDbContext<StaffUser, IdentityRole, string>(options)
{
    /// <summary>Requests for roles that a second person must approve.</summary>
    public DbSet<RoleRequest> RoleRequests => Set<RoleRequest>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<RoleRequest>().ToTable("RoleRequests");
    }
}
