using System.Threading.RateLimiting;

namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>
/// How many forms a client may send without JavaScript (so without proof of work) in an hour. People without
/// JavaScript are not turned away; a machine that skips the widget gets only a trickle through.
/// </summary>
public sealed class NoScriptAllowance(BotCheckOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.NoScriptSubmissionsPerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    /// <summary>Takes one from the client's allowance; false when it is used up.</summary>
    public bool TryTake(string clientKey)
    {
        using var lease = _limiter.AttemptAcquire(clientKey);
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}
