using System.Security.Cryptography;
using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.Staff.Storage.Cosmos;

/// <summary>
/// Role requests in the <c>staff</c> container (partition <c>role-requests</c>). One request waits per account and role:
/// a claim document (<c>waiting:…</c>) that only one request can create, removed when it is decided. A decision is saved
/// only over the version that was still waiting, so an approval and a decline made at once cannot both take effect.
/// </summary>
public sealed class CosmosRoleRequests(CosmosContainers containers) : IRoleRequests
{
    private const string Partition = "role-requests";
    private readonly Container _staff = containers.Staff;

    /// <inheritdoc />
    public async Task<bool> AddAsync(RoleRequest request, CancellationToken cancellationToken)
    {
        var claim = WaitingClaim.IdFor(request.Email, request.Role);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            request.Id = (request.RequestedAt * 1000) + RandomNumberGenerator.GetInt32(1000);
            if (!await _staff.TryCreateAsync(new WaitingClaim(claim, request.Id), Partition, cancellationToken))
            {
                var (held, _) = await _staff.TryReadAsync<WaitingClaim>(claim, Partition, cancellationToken);
                if (held is null || await FindWaitingAsync(held.RequestId, cancellationToken) is not null)
                {
                    return false;
                }

                // A claim left by an add that stopped before its request was saved: it holds nothing back.
                await _staff.DeleteIfPresentAsync(claim, Partition, cancellationToken);
                continue;
            }

            if (await _staff.TryCreateAsync(RoleRequestDocument.Of(request), Partition, cancellationToken))
            {
                return true;
            }

            await _staff.DeleteIfPresentAsync(claim, Partition, cancellationToken);
        }

        throw new InvalidOperationException("Could not save the role request: try again.");
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RoleRequest>> WaitingAsync(CancellationToken cancellationToken) =>
        ListAsync("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'role-request' AND c.waiting = true", cancellationToken);

    /// <inheritdoc />
    public async Task<RoleRequest?> FindWaitingAsync(long id, CancellationToken cancellationToken)
    {
        var (found, _) = await _staff.TryReadAsync<RoleRequestDocument>(RoleRequestDocument.IdFor(id), Partition, cancellationToken);
        return found is { Waiting: true } ? found.ToRequest() : null;
    }

    /// <inheritdoc />
    public async Task<bool> SaveDecisionAsync(RoleRequest decided, CancellationToken cancellationToken)
    {
        var (stored, eTag) = await _staff.TryReadAsync<RoleRequestDocument>(RoleRequestDocument.IdFor(decided.Id), Partition, cancellationToken);
        if (stored is not { Waiting: true }
            || !await _staff.TryReplaceAsync(
                stored with { Outcome = decided.Outcome, DecidedBy = decided.DecidedBy, DecidedAt = decided.DecidedAt, Waiting = false },
                stored.Id,
                Partition,
                eTag!,
                cancellationToken))
        {
            return false;
        }

        await _staff.DeleteIfPresentAsync(WaitingClaim.IdFor(stored.Email, stored.Role), Partition, cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RoleRequest>> UnannouncedAsync(CancellationToken cancellationToken) =>
        ListAsync("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'role-request' AND c.announced = false", cancellationToken);

    /// <inheritdoc />
    public async Task<bool> TryClaimAnnouncementAsync(long id, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var (stored, eTag) = await _staff.TryReadAsync<RoleRequestDocument>(RoleRequestDocument.IdFor(id), Partition, cancellationToken);
        return stored is { Announced: false }
            && !(stored.AnnouncingUntil >= now.ToUnixTimeMilliseconds())
            && await _staff.TryReplaceAsync(stored with { AnnouncingUntil = until.ToUnixTimeMilliseconds() }, stored.Id, Partition, eTag!, cancellationToken);
    }

    /// <inheritdoc />
    public async Task MarkAnnouncedAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Read again after a race with a decision, so that neither overwrites the other.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (stored, eTag) = await _staff.TryReadAsync<RoleRequestDocument>(RoleRequestDocument.IdFor(id), Partition, cancellationToken);
            if (stored is null || stored.Announced
                || await _staff.TryReplaceAsync(stored with { Announced = true, AnnouncedAt = at.ToUnixTimeMilliseconds() }, stored.Id, Partition, eTag!, cancellationToken))
            {
                return;
            }
        }
    }

    private async Task<IReadOnlyList<RoleRequest>> ListAsync(string query, CancellationToken cancellationToken) =>
        (await _staff.QueryAsync<RoleRequestDocument>(new QueryDefinition(query), Partition, cancellationToken).ToListAsync(cancellationToken))
            .Select(document => document.ToRequest())
            .OrderBy(request => request.Id)
            .ToArray();

    /// <summary>The claim that one request for an account and role is waiting.</summary>
    private sealed record WaitingClaim(string Id, long RequestId)
    {
        public string Pk { get; init; } = Partition;

        public string Type { get; init; } = "waiting-claim";

        public static string IdFor(string email, string role) => $"waiting:{StaffIds.Of(email.ToUpperInvariant())}:{StaffIds.Of(role)}";
    }

    /// <summary>A role request as the container keeps it, with whether it waits and whether the guardians were told, for the queries.</summary>
    private sealed record RoleRequestDocument(
        string Id,
        string Email,
        string Role,
        string RequestedBy,
        long RequestedAt,
        string? DecidedBy,
        long? DecidedAt,
        string? Outcome,
        long? AnnouncedAt,
        long? AnnouncingUntil,
        bool Waiting,
        bool Announced)
    {
        public string Pk { get; init; } = Partition;

        public string Type { get; init; } = "role-request";

        public static string IdFor(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public static RoleRequestDocument Of(RoleRequest request) => new(
            IdFor(request.Id), request.Email, request.Role, request.RequestedBy, request.RequestedAt, request.DecidedBy, request.DecidedAt, request.Outcome,
            request.AnnouncedAt, request.AnnouncingUntil, request.Outcome is null, request.AnnouncedAt is not null);

        public RoleRequest ToRequest() => new()
        {
            Id = long.Parse(Id, System.Globalization.CultureInfo.InvariantCulture),
            Email = Email,
            Role = Role,
            RequestedBy = RequestedBy,
            RequestedAt = RequestedAt,
            DecidedBy = DecidedBy,
            DecidedAt = DecidedAt,
            Outcome = Outcome,
            AnnouncedAt = AnnouncedAt,
            AnnouncingUntil = AnnouncingUntil,
        };
    }
}
