using Microsoft.Extensions.Caching.Memory;
using QualityVoice.Feedback.Intake;

namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>
/// The challenges this portal has accepted, in its memory: enough where one portal serves the embedded store. On Cosmos
/// DB, where several instances serve, the store keeps them instead (<c>CosmosUsedChallenges</c>).
/// </summary>
public sealed class MemoryUsedChallenges(IMemoryCache used, TimeProvider time) : IUsedChallenges
{
    /// <inheritdoc />
    public Task<bool> TryUseAsync(string signature, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var key = $"pow:{signature}";
        lock (used)
        {
            if (used.TryGetValue(key, out _))
            {
                return Task.FromResult(false);
            }

            used.Set(key, true, expiresAt.AddSeconds(1) - time.GetUtcNow());
            return Task.FromResult(true);
        }
    }
}
