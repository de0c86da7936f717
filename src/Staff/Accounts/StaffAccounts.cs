using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace QualityVoice.Staff.Accounts;

/// <summary>Adds and lists staff accounts: the administrator page and <c>./qv users</c> both use this.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles)
{
    /// <summary>
    /// Adds an account with a role, or adds the role to an existing account. Returns the problems, in words
    /// an administrator can act on, or none.
    /// </summary>
    public async Task<IReadOnlyList<string>> AddAsync(string email, string password, string role)
    {
        if (!StaffRoles.IsRole(role))
        {
            return [$"'{role}' is not a role. The roles are {string.Join(", ", StaffRoles.All)}."];
        }

        await EnsureRolesAsync();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return created.Errors.Select(error => error.Description).ToArray();
            }
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
            {
                return added.Errors.Select(error => error.Description).ToArray();
            }
        }

        return [];
    }

    /// <summary>Every account with its roles, ordered by e-mail address.</summary>
    public async Task<IReadOnlyList<StaffAccountSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await users.Users.OrderBy(user => user.NormalizedEmail).ToListAsync(cancellationToken);
        var summaries = new List<StaffAccountSummary>(all.Count);
        foreach (var user in all)
        {
            summaries.Add(new StaffAccountSummary(
                user.Id,
                user.Email ?? user.UserName ?? user.Id,
                (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToArray(),
                user.TwoFactorEnabled,
                user.LockoutEnd));
        }

        return summaries;
    }

    /// <summary>Creates any of the four roles that do not exist yet.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
