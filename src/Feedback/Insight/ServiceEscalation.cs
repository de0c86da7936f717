using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Insight;

/// <summary>
/// The level of response the quality team records for a whole service, in the National Quality Board's words
/// (Routine, Enhanced, Intensive), with why: the service quality report shows the current level and every change.
/// </summary>
/// <param name="ServiceId">The content pack's service id.</param>
/// <param name="Level">The level.</param>
/// <param name="Reason">Why, as the quality team wrote it.</param>
/// <param name="SetBy">Who recorded it.</param>
/// <param name="SetAt">When.</param>
public sealed record ServiceEscalation(string ServiceId, EscalationLevel Level, string Reason, string SetBy, DateTimeOffset SetAt)
{
    /// <summary>The longest reason kept.</summary>
    public const int ReasonMaxLength = 2000;

    /// <summary>What is wrong with a reason, or null when it will do.</summary>
    public static string? ProblemWith(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "Say why the service is at this level"
        : reason.Trim().Length > ReasonMaxLength ? $"The reason must be {ReasonMaxLength:N0} characters or fewer"
        : null;
}

/// <summary>Where the escalation levels of services are kept: every change, never overwritten.</summary>
public interface IServiceEscalations
{
    /// <summary>Records a level for a service.</summary>
    Task AddAsync(ServiceEscalation escalation, CancellationToken cancellationToken);

    /// <summary>Every level recorded for a service, the latest first.</summary>
    Task<IReadOnlyList<ServiceEscalation>> HistoryAsync(string serviceId, CancellationToken cancellationToken);
}
