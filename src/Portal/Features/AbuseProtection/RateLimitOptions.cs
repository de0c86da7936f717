using System.ComponentModel.DataAnnotations;

namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>How much each client may do. Bound from the <c>RateLimits</c> section.</summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "RateLimits";

    /// <summary>Requests to the feedback and speak-up forms per client per ten minutes (a person uses about twenty).</summary>
    [Range(1, 100_000)]
    public int FormRequestsPerTenMinutes { get; set; } = 200;

    /// <summary>Attempts at /track and the speak-up case page per client per minute.</summary>
    [Range(1, 10_000)]
    public int TrackingAttemptsPerMinute { get; set; } = 20;

    /// <summary>Bot-checked API submissions per client per minute.</summary>
    [Range(1, 100_000)]
    public int PublicApiRequestsPerMinute { get; set; } = 30;

    /// <summary>Submissions per second for each integration with an API key.</summary>
    [Range(1, 1_000_000)]
    public int ApiClientRequestsPerSecond { get; set; } = 2000;

    /// <summary>Proof-of-work challenges per client per minute.</summary>
    [Range(1, 100_000)]
    public int ChallengesPerMinute { get; set; } = 60;

    /// <summary>
    /// How many portal instances share the traffic (the deployment's instance count; 1 on one machine). Each instance
    /// allows its share of every limit, so that the limits above hold for the whole service, not once an instance: the
    /// load balancer spreads a client's requests over the instances (no affinity). The counts stay in each instance's
    /// memory, keyed by a hash nobody else can compute, rather than in the shared store (docs/adr/0017).
    /// </summary>
    [Range(1, 100)]
    public int Instances { get; set; } = 1;

    /// <summary>This instance's share of a limit meant for the whole service (at least 1).</summary>
    public int ShareOf(int limit) => Math.Max(1, (int)Math.Ceiling(limit / (double)Instances));
}
