using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.Staff.Storage.Cosmos;

/// <summary>
/// ASP.NET Core Identity's user store on the <c>staff</c> container, shared by every back-office instance. An account
/// is one document with its roles, directory sign-ins and tokens; Identity changes a user and then saves it
/// (<see cref="UpdateAsync"/>), so this store, like Entity Framework's, keeps what it read in the scope of one request and
/// saves it with the ETag it was read at: a change made on another instance in between is a concurrency failure, not
/// a lost update. User names and directory sign-ins are unique through pointer documents that only one account can
/// create. The accounts are in one partition (an ICB has hundreds of staff, not millions), so it also lists them.
/// </summary>
public sealed class CosmosStaffUserStore(CosmosContainers containers, IdentityErrorDescriber errors, TimeProvider time) :
    IUserPasswordStore<StaffUser>,
    IUserEmailStore<StaffUser>,
    IUserSecurityStampStore<StaffUser>,
    IUserRoleStore<StaffUser>,
    IUserLoginStore<StaffUser>,
    IUserAuthenticationTokenStore<StaffUser>,
    IUserAuthenticatorKeyStore<StaffUser>,
    IUserTwoFactorStore<StaffUser>,
    IUserLockoutStore<StaffUser>,
    IUserPhoneNumberStore<StaffUser>,
    IStaffAccountList
{
    private const string Partition = StaffAccountDocument.Partition;
    private const string InternalProvider = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";

    /// <summary>How old a pointer whose account does not hold it must be before another account may take it over.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    private readonly Container _staff = containers.Staff;
    private readonly Dictionary<string, (StaffUser User, StaffAccountDocument Document, string ETag)> _read = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<IdentityResult> CreateAsync(StaffUser user, CancellationToken cancellationToken)
    {
        user.ConcurrencyStamp ??= Guid.NewGuid().ToString();
        var document = StaffAccountDocument.Of(user);
        if (user.NormalizedUserName is { } name && !await ClaimNameAsync(name, user.Id, cancellationToken))
        {
            return IdentityResult.Failed(errors.DuplicateUserName(user.UserName ?? name));
        }

        using var response = await _staff.CreateItemStreamAsync(Serialised(document), new PartitionKey(Partition), cancellationToken: cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            if (user.NormalizedUserName is { } claimed)
            {
                await _staff.DeleteIfPresentAsync(StaffPointerDocument.ForName(claimed), Partition, cancellationToken);
            }

            return response.StatusCode == HttpStatusCode.Conflict ? IdentityResult.Failed(errors.ConcurrencyFailure()) : throw new CosmosException(
                response.ErrorMessage, response.StatusCode, 0, response.Headers.ActivityId, response.Headers.RequestCharge);
        }

        _read[user.Id] = (user, document, response.Headers.ETag);
        return IdentityResult.Success;
    }

    /// <inheritdoc />
    public async Task<IdentityResult> UpdateAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var (_, document, eTag) = await ReadAsync(user, cancellationToken);
        if (!string.Equals(document.ConcurrencyStamp, user.ConcurrencyStamp, StringComparison.Ordinal))
        {
            return IdentityResult.Failed(errors.ConcurrencyFailure());
        }

        var previousName = document.NormalizedUserName;
        var renamed = !string.Equals(previousName, user.NormalizedUserName, StringComparison.Ordinal);
        if (renamed && user.NormalizedUserName is { } name && !await ClaimNameAsync(name, user.Id, cancellationToken))
        {
            return IdentityResult.Failed(errors.DuplicateUserName(user.UserName ?? name));
        }

        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        document.Take(user);
        using var response = await _staff.ReplaceItemStreamAsync(
            Serialised(document), user.Id, new PartitionKey(Partition), new ItemRequestOptions { IfMatchEtag = eTag }, cancellationToken);
        if (response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            _read.Remove(user.Id);
            return IdentityResult.Failed(errors.ConcurrencyFailure());
        }

        response.EnsureSuccessStatusCode();
        _read[user.Id] = (user, document, response.Headers.ETag);
        if (renamed && previousName is not null)
        {
            await _staff.DeleteIfPresentAsync(StaffPointerDocument.ForName(previousName), Partition, cancellationToken);
        }

        return IdentityResult.Success;
    }

    /// <inheritdoc />
    public async Task<IdentityResult> DeleteAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var (_, document, _) = await ReadAsync(user, cancellationToken);
        await _staff.DeleteIfPresentAsync(user.Id, Partition, cancellationToken);
        foreach (var login in document.Logins)
        {
            await _staff.DeleteIfPresentAsync(StaffPointerDocument.ForLogin(login.Provider, login.Key), Partition, cancellationToken);
        }

        if (document.NormalizedUserName is { } name)
        {
            await _staff.DeleteIfPresentAsync(StaffPointerDocument.ForName(name), Partition, cancellationToken);
        }

        _read.Remove(user.Id);
        return IdentityResult.Success;
    }

    /// <inheritdoc />
    public async Task<StaffUser?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        if (_read.TryGetValue(userId, out var known))
        {
            return known.User;
        }

        var (document, eTag) = await _staff.TryReadAsync<StaffAccountDocument>(userId, Partition, cancellationToken);
        return document is null ? null : Remember(document, eTag!);
    }

    /// <inheritdoc />
    public async Task<StaffUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken)
    {
        var (pointer, _) = await _staff.TryReadAsync<StaffPointerDocument>(StaffPointerDocument.ForName(normalizedUserName), Partition, cancellationToken);
        return pointer is null ? null : await FindByIdAsync(pointer.UserId, cancellationToken) is { } user && user.NormalizedUserName == normalizedUserName ? user : null;
    }

    /// <inheritdoc />
    public async Task<StaffUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'account' AND c.normalizedEmail = @email").WithParameter("@email", normalizedEmail);
        return await FirstAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StaffUser?> FindByLoginAsync(string loginProvider, string providerKey, CancellationToken cancellationToken)
    {
        var (pointer, _) = await _staff.TryReadAsync<StaffPointerDocument>(StaffPointerDocument.ForLogin(loginProvider, providerKey), Partition, cancellationToken);
        if (pointer is null || await FindByIdAsync(pointer.UserId, cancellationToken) is not { } user)
        {
            return null;
        }

        // A pointer left by a sign-in that was never saved, or one removed since, does not open the account.
        var (_, document, _) = _read[user.Id];
        return document.Logins.Any(login => login.Provider == loginProvider && login.Key == providerKey) ? user : null;
    }

    /// <inheritdoc />
    public async Task AddLoginAsync(StaffUser user, UserLoginInfo login, CancellationToken cancellationToken)
    {
        var (_, document, _) = await ReadAsync(user, cancellationToken);
        var holdsIt = (StaffAccountDocument owner) => owner.Logins.Any(held => held.Provider == login.LoginProvider && held.Key == login.ProviderKey);
        if (!await ClaimAsync(StaffPointerDocument.ForLogin(login.LoginProvider, login.ProviderKey), user.Id, holdsIt, cancellationToken))
        {
            throw new InvalidOperationException("That directory sign-in belongs to another account.");
        }

        document.Logins.Add(new StaffLoginDocument(login.LoginProvider, login.ProviderKey, login.ProviderDisplayName));
    }

    /// <inheritdoc />
    public async Task RemoveLoginAsync(StaffUser user, string loginProvider, string providerKey, CancellationToken cancellationToken)
    {
        var (_, document, _) = await ReadAsync(user, cancellationToken);
        document.Logins.RemoveAll(login => login.Provider == loginProvider && login.Key == providerKey);
        await _staff.DeleteIfPresentAsync(StaffPointerDocument.ForLogin(loginProvider, providerKey), Partition, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IList<UserLoginInfo>> GetLoginsAsync(StaffUser user, CancellationToken cancellationToken) =>
        (await ReadAsync(user, cancellationToken)).Document.Logins.Select(login => new UserLoginInfo(login.Provider, login.Key, login.DisplayName)).ToList();

    /// <inheritdoc />
    public async Task AddToRoleAsync(StaffUser user, string normalizedRoleName, CancellationToken cancellationToken)
    {
        var (role, _) = await _staff.TryReadAsync<StaffRoleDocument>(StaffRoleDocument.IdFor(normalizedRoleName), Partition, cancellationToken);
        if (role?.Name is null)
        {
            throw new InvalidOperationException($"There is no role {normalizedRoleName}.");
        }

        var (_, document, _) = await ReadAsync(user, cancellationToken);
        if (!document.NormalizedRoles.Contains(normalizedRoleName, StringComparer.Ordinal))
        {
            document.Roles.Add(role.Name);
            document.NormalizedRoles.Add(normalizedRoleName);
        }
    }

    /// <inheritdoc />
    public async Task RemoveFromRoleAsync(StaffUser user, string normalizedRoleName, CancellationToken cancellationToken)
    {
        var (_, document, _) = await ReadAsync(user, cancellationToken);
        var at = document.NormalizedRoles.IndexOf(normalizedRoleName);
        if (at >= 0)
        {
            document.NormalizedRoles.RemoveAt(at);
            document.Roles.RemoveAt(at);
        }
    }

    /// <inheritdoc />
    public async Task<IList<string>> GetRolesAsync(StaffUser user, CancellationToken cancellationToken) =>
        (await ReadAsync(user, cancellationToken)).Document.Roles.ToList();

    /// <inheritdoc />
    public async Task<bool> IsInRoleAsync(StaffUser user, string normalizedRoleName, CancellationToken cancellationToken) =>
        (await ReadAsync(user, cancellationToken)).Document.NormalizedRoles.Contains(normalizedRoleName, StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<IList<StaffUser>> GetUsersInRoleAsync(string normalizedRoleName, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'account' AND ARRAY_CONTAINS(c.normalizedRoles, @role)")
            .WithParameter("@role", normalizedRoleName);
        return await AllAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StaffUser>> AllAsync(CancellationToken cancellationToken) =>
        await AllAsync(new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'account'"), cancellationToken);

    /// <inheritdoc />
    public async Task SetTokenAsync(StaffUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken)
    {
        var (_, document, _) = await ReadAsync(user, cancellationToken);
        document.Tokens.RemoveAll(token => token.Provider == loginProvider && token.Name == name);
        document.Tokens.Add(new StaffTokenDocument(loginProvider, name, value));
    }

    /// <inheritdoc />
    public async Task RemoveTokenAsync(StaffUser user, string loginProvider, string name, CancellationToken cancellationToken) =>
        (await ReadAsync(user, cancellationToken)).Document.Tokens.RemoveAll(token => token.Provider == loginProvider && token.Name == name);

    /// <inheritdoc />
    public async Task<string?> GetTokenAsync(StaffUser user, string loginProvider, string name, CancellationToken cancellationToken) =>
        (await ReadAsync(user, cancellationToken)).Document.Tokens.FirstOrDefault(token => token.Provider == loginProvider && token.Name == name)?.Value;

    /// <inheritdoc />
    public Task SetAuthenticatorKeyAsync(StaffUser user, string key, CancellationToken cancellationToken) =>
        SetTokenAsync(user, InternalProvider, AuthenticatorKeyName, key, cancellationToken);

    /// <inheritdoc />
    public Task<string?> GetAuthenticatorKeyAsync(StaffUser user, CancellationToken cancellationToken) =>
        GetTokenAsync(user, InternalProvider, AuthenticatorKeyName, cancellationToken);

    /// <inheritdoc />
    public Task<string> GetUserIdAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

    /// <inheritdoc />
    public Task<string?> GetUserNameAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.UserName);

    /// <inheritdoc />
    public Task SetUserNameAsync(StaffUser user, string? userName, CancellationToken cancellationToken) => Set(() => user.UserName = userName);

    /// <inheritdoc />
    public Task<string?> GetNormalizedUserNameAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.NormalizedUserName);

    /// <inheritdoc />
    public Task SetNormalizedUserNameAsync(StaffUser user, string? normalizedName, CancellationToken cancellationToken) => Set(() => user.NormalizedUserName = normalizedName);

    /// <inheritdoc />
    public Task SetPasswordHashAsync(StaffUser user, string? passwordHash, CancellationToken cancellationToken) => Set(() => user.PasswordHash = passwordHash);

    /// <inheritdoc />
    public Task<string?> GetPasswordHashAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    /// <inheritdoc />
    public Task<bool> HasPasswordAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    /// <inheritdoc />
    public Task SetEmailAsync(StaffUser user, string? email, CancellationToken cancellationToken) => Set(() => user.Email = email);

    /// <inheritdoc />
    public Task<string?> GetEmailAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.Email);

    /// <inheritdoc />
    public Task<bool> GetEmailConfirmedAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.EmailConfirmed);

    /// <inheritdoc />
    public Task SetEmailConfirmedAsync(StaffUser user, bool confirmed, CancellationToken cancellationToken) => Set(() => user.EmailConfirmed = confirmed);

    /// <inheritdoc />
    public Task<string?> GetNormalizedEmailAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.NormalizedEmail);

    /// <inheritdoc />
    public Task SetNormalizedEmailAsync(StaffUser user, string? normalizedEmail, CancellationToken cancellationToken) => Set(() => user.NormalizedEmail = normalizedEmail);

    /// <inheritdoc />
    public Task SetSecurityStampAsync(StaffUser user, string stamp, CancellationToken cancellationToken) => Set(() => user.SecurityStamp = stamp);

    /// <inheritdoc />
    public Task<string?> GetSecurityStampAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.SecurityStamp);

    /// <inheritdoc />
    public Task SetTwoFactorEnabledAsync(StaffUser user, bool enabled, CancellationToken cancellationToken) => Set(() => user.TwoFactorEnabled = enabled);

    /// <inheritdoc />
    public Task<bool> GetTwoFactorEnabledAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.TwoFactorEnabled);

    /// <inheritdoc />
    public Task<DateTimeOffset?> GetLockoutEndDateAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    /// <inheritdoc />
    public Task SetLockoutEndDateAsync(StaffUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken) => Set(() => user.LockoutEnd = lockoutEnd);

    /// <inheritdoc />
    public Task<int> IncrementAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    /// <inheritdoc />
    public Task ResetAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken) => Set(() => user.AccessFailedCount = 0);

    /// <inheritdoc />
    public Task<int> GetAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    /// <inheritdoc />
    public Task<bool> GetLockoutEnabledAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    /// <inheritdoc />
    public Task SetLockoutEnabledAsync(StaffUser user, bool enabled, CancellationToken cancellationToken) => Set(() => user.LockoutEnabled = enabled);

    /// <inheritdoc />
    public Task SetPhoneNumberAsync(StaffUser user, string? phoneNumber, CancellationToken cancellationToken) => Set(() => user.PhoneNumber = phoneNumber);

    /// <inheritdoc />
    public Task<string?> GetPhoneNumberAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.PhoneNumber);

    /// <inheritdoc />
    public Task<bool> GetPhoneNumberConfirmedAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.PhoneNumberConfirmed);

    /// <inheritdoc />
    public Task SetPhoneNumberConfirmedAsync(StaffUser user, bool confirmed, CancellationToken cancellationToken) => Set(() => user.PhoneNumberConfirmed = confirmed);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static Task Set(Action change)
    {
        change();
        return Task.CompletedTask;
    }

    private static MemoryStream Serialised(StaffAccountDocument document)
    {
        document.ETag = null;
        return new(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(document, CosmosContainers.Json));
    }

    /// <summary>The account's document as this scope read it (reading it now if this scope has not).</summary>
    private async Task<(StaffUser User, StaffAccountDocument Document, string ETag)> ReadAsync(StaffUser user, CancellationToken cancellationToken)
    {
        if (_read.TryGetValue(user.Id, out var known))
        {
            return known;
        }

        var (document, eTag) = await _staff.TryReadAsync<StaffAccountDocument>(user.Id, Partition, cancellationToken);
        if (document is null)
        {
            throw new InvalidOperationException("That account is not in the staff store.");
        }

        return _read[user.Id] = (user, document, eTag!);
    }

    private StaffUser Remember(StaffAccountDocument document, string eTag)
    {
        if (_read.TryGetValue(document.Id, out var known))
        {
            return known.User;
        }

        var user = document.ToUser();
        _read[document.Id] = (user, document, eTag);
        return user;
    }

    private async Task<StaffUser?> FirstAsync(QueryDefinition query, CancellationToken cancellationToken) =>
        (await AllAsync(query, cancellationToken)).FirstOrDefault();

    private async Task<List<StaffUser>> AllAsync(QueryDefinition query, CancellationToken cancellationToken)
    {
        var found = new List<StaffUser>();
        await foreach (var (document, eTag) in QueryWithETagsAsync(query, cancellationToken))
        {
            found.Add(Remember(document, eTag));
        }

        return found;
    }

    private async IAsyncEnumerable<(StaffAccountDocument Document, string ETag)> QueryWithETagsAsync(
        QueryDefinition query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var found in _staff.QueryAsync<StaffAccountDocument>(query, Partition, cancellationToken))
        {
            yield return (found, found.ETag ?? throw new InvalidOperationException("Cosmos DB returned an account without its ETag."));
        }
    }

    private Task<bool> ClaimNameAsync(string normalizedName, string userId, CancellationToken cancellationToken) =>
        ClaimAsync(StaffPointerDocument.ForName(normalizedName), userId, owner => owner.NormalizedUserName == normalizedName, cancellationToken);

    /// <summary>
    /// Claims a pointer for an account; false when another account holds it. A pointer left by a write that stopped
    /// half-way (its account is gone, or does not hold what it points at, a minute after it was made) is taken over, so
    /// that a crash cannot lock a name or a sign-in away for good.
    /// </summary>
    private async Task<bool> ClaimAsync(string pointer, string userId, Func<StaffAccountDocument, bool> holds, CancellationToken cancellationToken)
    {
        if (await _staff.TryCreateAsync(new StaffPointerDocument(pointer, userId), Partition, cancellationToken))
        {
            return true;
        }

        var (existing, eTag) = await _staff.TryReadAsync<StaffPointerDocument>(pointer, Partition, cancellationToken);
        if (existing is null)
        {
            return await _staff.TryCreateAsync(new StaffPointerDocument(pointer, userId), Partition, cancellationToken);
        }

        if (existing.UserId == userId)
        {
            return true;
        }

        var (owner, _) = await _staff.TryReadAsync<StaffAccountDocument>(existing.UserId, Partition, cancellationToken);
        var abandoned = (owner is null || !holds(owner)) && DateTimeOffset.FromUnixTimeSeconds(existing.Timestamp) < time.GetUtcNow() - AbandonedAfter;
        return abandoned && await _staff.TryReplaceAsync(new StaffPointerDocument(pointer, userId), pointer, Partition, eTag!, cancellationToken);
    }
}
