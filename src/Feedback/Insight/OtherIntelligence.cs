using System.Text.Json.Serialization;

namespace QualityVoice.Feedback.Insight;

/// <summary>
/// Intelligence about a service from outside the feedback (complaints, PALS, incidents, Healthwatch), uploaded by the
/// quality team as counts for a service and month, so that the reports set it beside what patients said.
/// </summary>
/// <param name="ServiceId">The content pack's service id.</param>
/// <param name="Month">The month the count is for.</param>
/// <param name="Channel">Where it came from.</param>
/// <param name="Subject">What it was about, in the channel's own words; empty for a channel's total.</param>
/// <param name="Count">How many.</param>
/// <param name="UploadedBy">Who uploaded it.</param>
/// <param name="UploadedAt">When.</param>
public sealed record IntelligenceCount(string ServiceId, YearMonth Month, IntelligenceChannel Channel, string Subject, int Count, string UploadedBy, DateTimeOffset UploadedAt)
{
    /// <summary>The longest subject kept.</summary>
    public const int SubjectMaxLength = 100;

    /// <summary>The largest count taken.</summary>
    public const int MaxCount = 1_000_000;
}

/// <summary>The channels intelligence comes from, in the words quality teams use.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IntelligenceChannel>))]
public enum IntelligenceChannel
{
    /// <summary>Formal complaints.</summary>
    [JsonStringEnumMemberName("complaints")]
    Complaints,

    /// <summary>The Patient Advice and Liaison Service.</summary>
    [JsonStringEnumMemberName("pals")]
    Pals,

    /// <summary>Patient safety incidents (LFPSE).</summary>
    [JsonStringEnumMemberName("incidents")]
    Incidents,

    /// <summary>Local Healthwatch.</summary>
    [JsonStringEnumMemberName("healthwatch")]
    Healthwatch,

    /// <summary>Anything else the quality team counts.</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}

/// <summary>The channels' names on the page.</summary>
public static class IntelligenceChannelText
{
    /// <summary>The channel as a report names it.</summary>
    public static string Of(IntelligenceChannel channel) => channel switch
    {
        IntelligenceChannel.Complaints => "Complaints",
        IntelligenceChannel.Pals => "PALS",
        IntelligenceChannel.Incidents => "Patient safety incidents",
        IntelligenceChannel.Healthwatch => "Healthwatch",
        _ => "Other intelligence",
    };
}

/// <summary>Where the other intelligence is kept.</summary>
public interface IOtherIntelligence
{
    /// <summary>Saves counts; a count for the same service, month, channel and subject replaces the one before (a corrected upload).</summary>
    Task SaveAsync(IReadOnlyList<IntelligenceCount> counts, CancellationToken cancellationToken);

    /// <summary>The counts for months [<paramref name="from"/>, <paramref name="to"/>], at one service or all.</summary>
    Task<IReadOnlyList<IntelligenceCount>> ReadAsync(YearMonth from, YearMonth to, string? serviceId, CancellationToken cancellationToken);
}

/// <summary>A channel's count for a service in a period and in the period before, with what it was about.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Count">In the period.</param>
/// <param name="CountBefore">In the period before.</param>
/// <param name="Subjects">What the period's were about, most first (empty subjects are left out).</param>
public sealed record ChannelSummary(IntelligenceChannel Channel, int Count, int CountBefore, IReadOnlyList<SubjectCount> Subjects)
{
    /// <summary>Each channel with any count in either period, in the enum's order.</summary>
    public static IReadOnlyList<ChannelSummary> Of(IReadOnlyList<IntelligenceCount> counts, (YearMonth From, YearMonth To) period, (YearMonth From, YearMonth To) before)
    {
        bool In(IntelligenceCount count, (YearMonth From, YearMonth To) months) => count.Month >= months.From && count.Month <= months.To;
        return [.. Enum.GetValues<IntelligenceChannel>()
            .Select(channel => new ChannelSummary(
                channel,
                counts.Where(count => count.Channel == channel && In(count, period)).Sum(count => count.Count),
                counts.Where(count => count.Channel == channel && In(count, before)).Sum(count => count.Count),
                [.. counts.Where(count => count.Channel == channel && In(count, period) && count.Subject.Length > 0)
                    .GroupBy(count => count.Subject, StringComparer.OrdinalIgnoreCase)
                    .Select(group => new SubjectCount(group.First().Subject, group.Sum(count => count.Count)))
                    .Where(subject => subject.Count > 0)
                    .OrderByDescending(subject => subject.Count).ThenBy(subject => subject.Subject, StringComparer.Ordinal)]))
            .Where(summary => summary.Count + summary.CountBefore > 0)];
    }
}

/// <summary>How many were about a subject.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Count">How many.</param>
public sealed record SubjectCount(string Subject, int Count);
