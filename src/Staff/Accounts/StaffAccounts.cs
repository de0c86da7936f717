using Microsoft.AspNetCore.Identity;
using QualityVoice.Feedback.Audit;
using QualityVoice.Staff.Sessions;

namespace QualityVoice.Staff.Accounts;

/// <summary>
/// Staff accounts and their roles: what the administrator's pages and <c>./qv users</c> both do, under the same
/// rules (<see cref="RoleChangeRules"/>), and every change written to the audit log whoever makes it.
/// </summary>
public sealed class StaffAccounts(
    UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles,
    IRoleRequests requests,
    IStaffAccountList accountList,
    StaffSessionStore sessions,
    IAuditLog audit,
    TimeProvider time)
{
    /// <summary>How long an instance has to tell the guardians of a request before another may.</summary>
    public static readonly TimeSpan AnnouncementClaim = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Adds an account with a role, or gives an existing account the role. A role that needs a second person
    /// waits for one. Nobody can do this to their own account.
    /// </summary>
    public async Task<AccountResult> AddAsync(string email, string password, string role, string actor, CancellationToken cancellationToken = default)
    {
        if (!StaffRoles.IsRole(role))
        {
            return AccountResult.Refused($"'{role}' is not a role. The roles are {string.Join(", ", StaffRoles.All)}.");
        }

        if (RoleChangeRules.IsOwnAccount(actor, email))
        {
            return AccountResult.Refused("You cannot change your own account's roles: ask another administrator.");
        }

        await EnsureRolesAsync();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return AccountResult.Refused(created.Errors.Select(error => error.Description).ToArray());
            }

            await RecordAsync(actor, email, "Added the account", cancellationToken);
        }

        return await GiveAsync(user, role, actor, cancellationToken);
    }

    /// <summary>Gives an existing account a role (or asks a second person to, for a role that needs one).</summary>
    public async Task<AccountResult> GrantRoleAsync(string email, string role, string actor, CancellationToken cancellationToken = default)
    {
        if (!StaffRoles.IsRole(role))
        {
            return AccountResult.Refused($"'{role}' is not a role.");
        }

        if (RoleChangeRules.IsOwnAccount(actor, email))
        {
            return AccountResult.Refused("You cannot change your own account's roles: ask another administrator.");
        }

        return await users.FindByEmailAsync(email) is { } user
            ? await GiveAsync(user, role, actor, cancellationToken)
            : AccountResult.Refused($"There is no account for {email}.");
    }

    /// <summary>Takes a role away; the account's sessions end at once. The last administrator keeps theirs.</summary>
    public async Task<AccountResult> RemoveRoleAsync(string email, string role, string actor, CancellationToken cancellationToken = default)
    {
        if (RoleChangeRules.IsOwnAccount(actor, email))
        {
            return AccountResult.Refused("You cannot change your own account's roles: ask another administrator.");
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null || !StaffRoles.IsRole(role) || !await users.IsInRoleAsync(user, role))
        {
            return AccountResult.Refused($"{email} does not have the role {StaffRoles.DisplayName(role)}.");
        }

        if (role == StaffRoles.Administrator && await ActiveAdministratorsAsync() <= 1)
        {
            return AccountResult.Refused("This is the only administrator: give someone else the role first.");
        }

        var removed = await users.RemoveFromRoleAsync(user, role);
        if (!removed.Succeeded)
        {
            return AccountResult.Refused(removed.Errors.Select(error => error.Description).ToArray());
        }

        await EndSessionsAsync(user, cancellationToken);
        return await RecordAsync(actor, email, $"Removed the role {StaffRoles.DisplayName(role)}", cancellationToken);
    }

    /// <summary>Disables an account: it cannot sign in, and its sessions end at once.</summary>
    public async Task<AccountResult> DisableAsync(string email, string actor, CancellationToken cancellationToken = default)
    {
        if (RoleChangeRules.IsOwnAccount(actor, email))
        {
            return AccountResult.Refused("You cannot disable your own account: ask another administrator.");
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return AccountResult.Refused($"There is no account for {email}.");
        }

        if (await users.IsInRoleAsync(user, StaffRoles.Administrator) && !user.Disabled && await ActiveAdministratorsAsync() <= 1)
        {
            return AccountResult.Refused("This is the only administrator: give someone else the role first.");
        }

        user.Disabled = true;
        await users.UpdateAsync(user);
        await EndSessionsAsync(user, cancellationToken);
        return await RecordAsync(actor, email, "Disabled the account", cancellationToken);
    }

    /// <summary>Lets a disabled account sign in again.</summary>
    public async Task<AccountResult> EnableAsync(string email, string actor, CancellationToken cancellationToken = default)
    {
        if (RoleChangeRules.IsOwnAccount(actor, email))
        {
            return AccountResult.Refused("You cannot change your own account: ask another administrator.");
        }

        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return AccountResult.Refused($"There is no account for {email}.");
        }

        user.Disabled = false;
        await users.UpdateAsync(user);
        return await RecordAsync(actor, email, "Enabled the account", cancellationToken);
    }

    /// <summary>Clears an account's failed sign-in attempts, so that it signs in without waiting.</summary>
    public async Task<AccountResult> UnlockAsync(string email, SignInThrottle throttle, string actor, CancellationToken cancellationToken = default)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return AccountResult.Refused($"There is no account for {email}.");
        }

        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        throttle.Forget(email);
        return await RecordAsync(actor, email, "Cleared the failed sign-in attempts", cancellationToken);
    }

    /// <summary>Role requests waiting for a second person, oldest first.</summary>
    public Task<IReadOnlyList<RoleRequest>> WaitingRequestsAsync(CancellationToken cancellationToken = default) => requests.WaitingAsync(cancellationToken);

    /// <summary>Approves a waiting request, if <paramref name="approver"/> may (see <see cref="RoleChangeRules.WhyNotApprover"/>).</summary>
    public async Task<AccountResult> ApproveAsync(long requestId, string approver, CancellationToken cancellationToken = default)
    {
        var request = await requests.FindWaitingAsync(requestId, cancellationToken);
        if (request is null)
        {
            return AccountResult.Refused("That request has already been decided.");
        }

        var approverAccount = await users.FindByEmailAsync(approver);
        var approverRoles = approverAccount is null || approverAccount.Disabled ? [] : await users.GetRolesAsync(approverAccount);
        if (RoleChangeRules.WhyNotApprover(request, approver, approverRoles) is { } why)
        {
            return AccountResult.Refused(why);
        }

        if (await users.FindByEmailAsync(request.Email) is not { } user)
        {
            return AccountResult.Refused($"There is no account for {request.Email} any more.");
        }

        // Decided first, so that of an approval and a decline made at once on two instances only one takes effect.
        if (!await DecideAsync(request, approver, "approved", cancellationToken))
        {
            return AccountResult.Refused("That request has already been decided.");
        }

        if (!await users.IsInRoleAsync(user, request.Role))
        {
            var added = await users.AddToRoleAsync(user, request.Role);
            if (!added.Succeeded)
            {
                // The decision is saved, so the request no longer waits: say so, rather than leave it looking undone.
                await RecordAsync(approver, request.Email, $"Approved the role {StaffRoles.DisplayName(request.Role)}, but it could not be given", cancellationToken);
                string[] problems = [$"The approval is recorded, but {request.Email} could not be given the role just now: ask for it again.", .. added.Errors.Select(error => error.Description)];
                return AccountResult.Refused(problems);
            }
        }

        return await RecordAsync(
            approver, request.Email, $"Approved the role {StaffRoles.DisplayName(request.Role)}, asked for by {request.RequestedBy}", cancellationToken);
    }

    /// <summary>Declines a waiting request (anyone who may approve it, or whoever asked, may withdraw it).</summary>
    public async Task<AccountResult> DeclineAsync(long requestId, string decider, CancellationToken cancellationToken = default)
    {
        if (await requests.FindWaitingAsync(requestId, cancellationToken) is not { } request || !await DecideAsync(request, decider, "declined", cancellationToken))
        {
            return AccountResult.Refused("That request has already been decided.");
        }

        return await RecordAsync(decider, request.Email, $"Declined the role {StaffRoles.DisplayName(request.Role)}, asked for by {request.RequestedBy}", cancellationToken);
    }

    /// <summary>Requests not yet announced to the guardians.</summary>
    public Task<IReadOnlyList<RoleRequest>> UnannouncedRequestsAsync(CancellationToken cancellationToken = default) => requests.UnannouncedAsync(cancellationToken);

    /// <summary>
    /// Claims telling the guardians of a request for <see cref="AnnouncementClaim"/>, so that of several back-office
    /// instances one sends the e-mails; false when another has it, or it has been announced. A claim that runs out
    /// (the instance stopped, or the mail server was away) lets the next round try again.
    /// </summary>
    public Task<bool> TryClaimAnnouncementAsync(long requestId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return requests.TryClaimAnnouncementAsync(requestId, now, now + AnnouncementClaim, cancellationToken);
    }

    /// <summary>Records that every guardian was told of a request.</summary>
    public Task MarkAnnouncedAsync(long requestId, CancellationToken cancellationToken = default) =>
        requests.MarkAnnouncedAsync(requestId, time.GetUtcNow(), cancellationToken);

    /// <summary>The e-mail addresses of the guardians whose accounts are enabled.</summary>
    public Task<IReadOnlyList<string>> GuardianEmailsAsync() => EmailsInRoleAsync(StaffRoles.FtsuGuardian);

    /// <summary>The e-mail addresses of the enabled accounts that have <paramref name="role"/>.</summary>
    public async Task<IReadOnlyList<string>> EmailsInRoleAsync(string role) =>
        (await users.GetUsersInRoleAsync(role)).Where(user => !user.Disabled && user.Email is not null).Select(user => user.Email!).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every account with its roles, ordered by e-mail address.</summary>
    public async Task<IReadOnlyList<StaffAccountSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = (await accountList.AllAsync(cancellationToken)).OrderBy(user => user.NormalizedEmail, StringComparer.Ordinal).ToList();
        var summaries = new List<StaffAccountSummary>(all.Count);
        foreach (var user in all)
        {
            summaries.Add(new StaffAccountSummary(
                user.Id,
                user.Email ?? user.UserName ?? user.Id,
                (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToArray(),
                user.TwoFactorEnabled,
                user.LockoutEnd,
                user.Disabled));
        }

        return summaries;
    }

    /// <summary>
    /// The account of someone their organisation's directory signed in: found by their directory id, or added at
    /// their first sign-in. Their roles become exactly the app roles the directory assigns, so roles are given and
    /// taken away in the directory, where the organisation's own approvals apply, and the back office follows at each
    /// sign-in; every change is audited as the directory's. Refused, with why, for someone with no role here, a
    /// disabled account, or an address that already has a password account: an address is never proof enough to hand
    /// over an existing account (Microsoft's advice: match people by their object id, never by e-mail).
    /// </summary>
    public async Task<(StaffUser? User, AccountResult Result)> SignedInByDirectoryAsync(DirectoryIdentity identity, CancellationToken cancellationToken = default)
    {
        var assigned = identity.Roles.Where(StaffRoles.IsRole).Distinct(StringComparer.Ordinal).ToArray();
        if (assigned.Length == 0)
        {
            return (null, AccountResult.Refused(
                $"Your account has no QualityVoice role. Ask whoever looks after QualityVoice in {identity.ProviderName} to assign you one."));
        }

        await EnsureRolesAsync();
        var user = await users.FindByLoginAsync(identity.Provider, identity.Key);
        if (user is null)
        {
            if (await users.FindByEmailAsync(identity.Email) is not null)
            {
                return (null, AccountResult.Refused(
                    $"There is already a QualityVoice account for {identity.Email}. Ask an administrator to remove it, then sign in with your NHS account again."));
            }

            user = new StaffUser { UserName = identity.Email, Email = identity.Email, EmailConfirmed = true, LockoutEnabled = true };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return (null, AccountResult.Refused(created.Errors.Select(error => error.Description).ToArray()));
            }

            await users.AddLoginAsync(user, new UserLoginInfo(identity.Provider, identity.Key, identity.ProviderName));
            await RecordAsync(identity.ProviderName, identity.Email, "Added the account at its first sign-in", cancellationToken);
        }

        if (user.Disabled)
        {
            return (null, AccountResult.Refused("This account has been disabled. Ask an administrator if you need it back."));
        }

        var held = await users.GetRolesAsync(user);
        var taken = held.Except(assigned, StringComparer.Ordinal).ToArray();
        foreach (var role in assigned.Except(held, StringComparer.Ordinal))
        {
            await users.AddToRoleAsync(user, role);
            await RecordAsync(identity.ProviderName, user.Email!, $"Gave the role {StaffRoles.DisplayName(role)}, as assigned in {identity.ProviderName}", cancellationToken);
        }

        foreach (var role in taken)
        {
            await users.RemoveFromRoleAsync(user, role);
            await RecordAsync(identity.ProviderName, user.Email!, $"Removed the role {StaffRoles.DisplayName(role)}, no longer assigned in {identity.ProviderName}", cancellationToken);
        }

        if (taken.Length > 0)
        {
            // Sessions started with a role the directory has taken away end now.
            await EndSessionsAsync(user, cancellationToken);
        }

        return (user, AccountResult.Changed($"{user.Email} signed in with {identity.ProviderName}"));
    }

    /// <summary>Whether there are any accounts yet.</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default) => (await accountList.AllAsync(cancellationToken)).Count > 0;

    /// <summary>Creates any of the roles that do not exist yet.</summary>
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

    private async Task<AccountResult> GiveAsync(StaffUser user, string role, string actor, CancellationToken cancellationToken)
    {
        var email = user.Email!;
        if (await users.IsInRoleAsync(user, role))
        {
            return AccountResult.Changed($"{email} already has the role {StaffRoles.DisplayName(role)}");
        }

        if (StaffRoles.NeedSecondPerson.Contains(role))
        {
            var request = new RoleRequest { Email = email, Role = role, RequestedBy = actor, RequestedAt = time.GetUtcNow().ToUnixTimeMilliseconds() };
            if (await requests.AddAsync(request, cancellationToken))
            {
                await RecordAsync(actor, email, $"Asked for the role {StaffRoles.DisplayName(role)}: a second person must approve it", cancellationToken);
            }

            return AccountResult.Waiting(
                $"{email} will be a {StaffRoles.DisplayName(role)} when another guardian or administrator approves it. Every guardian has been told.");
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            return AccountResult.Refused(added.Errors.Select(error => error.Description).ToArray());
        }

        await RecordAsync(actor, email, $"Gave the role {StaffRoles.DisplayName(role)}", cancellationToken);
        return AccountResult.Changed($"{email} can now sign in as {StaffRoles.DisplayName(role)}");
    }

    private Task<bool> DecideAsync(RoleRequest request, string by, string outcome, CancellationToken cancellationToken)
    {
        request.DecidedBy = by;
        request.DecidedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        request.Outcome = outcome;
        return requests.SaveDecisionAsync(request, cancellationToken);
    }

    private async Task<int> ActiveAdministratorsAsync() =>
        (await users.GetUsersInRoleAsync(StaffRoles.Administrator)).Count(user => !user.Disabled);

    private async Task EndSessionsAsync(StaffUser user, CancellationToken cancellationToken)
    {
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id, cancellationToken);
    }

    private async Task<AccountResult> RecordAsync(string actor, string email, string what, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(new AuditEntry(time.GetUtcNow(), actor, AuditActions.Account, email, what), cancellationToken);
        return AccountResult.Changed($"{email}: {what}");
    }
}
