using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Feedback.Integrations;

/// <summary>
/// Issues and revokes API keys: what <c>./qv api-clients</c> does. A key is 40 random characters after <c>qv_</c>
/// (about 198 bits), shown once; the store keeps its keyed hash, so a copy of the database does not hold a usable key.
/// </summary>
public sealed class ApiClientRegistry(IApiClientStore store, PassphraseHasher keyedHashes, IRandomSource random, TimeProvider time)
{
    /// <summary>How every key begins, so that people (and secret scanners) recognise one.</summary>
    public const string KeyPrefix = "qv_";

    private const int KeyLength = 40;

    /// <summary>Issues a key to a new client; the result says what is wrong, or holds the key to show once.</summary>
    public async Task<IssuedKey> IssueAsync(string name, int? requestsPerSecond, string issuedBy, CancellationToken cancellationToken)
    {
        if (ApiClient.ProblemWithName(name) is { } problem)
        {
            return new IssuedKey(null, null, problem);
        }

        if (requestsPerSecond is < 1 or > ApiClient.MaxRequestsPerSecond)
        {
            return new IssuedKey(null, null, $"A client's rate limit is 1 to {ApiClient.MaxRequestsPerSecond:N0} requests a second.");
        }

        var key = KeyPrefix + new string(Enumerable.Range(0, KeyLength).Select(_ => FeedbackReference.Alphabet[random.Next(FeedbackReference.Alphabet.Length)]).ToArray());
        var client = new ApiClient(name, keyedHashes.HashApiKey(key), key[..(KeyPrefix.Length + 4)], requestsPerSecond, time.GetUtcNow(), issuedBy);
        return await store.AddAsync(client, cancellationToken)
            ? new IssuedKey(client, key, null)
            : new IssuedKey(null, null, $"There is already a client called '{name}' (names are never reused, even after a key is revoked).");
    }

    /// <summary>Every client.</summary>
    public Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <summary>Revokes a client's key; null when there is no working client of that name.</summary>
    public async Task<ApiClient?> RevokeAsync(string name, string revokedBy, CancellationToken cancellationToken)
    {
        var client = (await store.ListAsync(cancellationToken)).FirstOrDefault(c => c.Name == name && c.IsActive);
        if (client is null)
        {
            return null;
        }

        var revoked = client with { RevokedAt = time.GetUtcNow(), RevokedBy = revokedBy };
        return await store.SaveRevocationAsync(revoked, cancellationToken) ? revoked : null;
    }
}

/// <summary>The outcome of issuing a key.</summary>
/// <param name="Client">The new client, or null when it was refused.</param>
/// <param name="Key">The key, to be shown once, or null.</param>
/// <param name="Problem">Why it was refused, or null.</param>
public sealed record IssuedKey(ApiClient? Client, string? Key, string? Problem);
