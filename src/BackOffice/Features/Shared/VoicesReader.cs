using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.BackOffice.Features.Shared;

/// <summary>Whose voices are missing for a period (at a service, or everywhere), read from the stores.</summary>
public sealed class VoicesReader(IInsightQueries insight, ContentPack pack)
{
    /// <summary>How an outreach plan's group was heard in the months before it started, and since (up to <paramref name="now"/>).</summary>
    public async Task<OutreachEffect> EffectAsync(OutreachPlan plan, YearMonth now, CancellationToken cancellationToken)
    {
        var group = pack.Population.Groups.FirstOrDefault(candidate => candidate.Name == plan.Group) is { } found
            ? new PopulationShare(found.Name, found.Question, found.Answers, found.Percent)
            : null;
        if (group is null)
        {
            return OutreachEffect.Of(plan, null, [], 0, null, 0);
        }

        var (beforeFrom, beforeTo) = plan.Before;
        var before = await insight.EqualityAsync(beforeFrom, beforeTo, null, cancellationToken);
        var feedbackBefore = (await insight.MonthlyAsync(beforeFrom, beforeTo, null, cancellationToken)).Sum(count => count.Count);
        if (plan.StartMonth > now)
        {
            return OutreachEffect.Of(plan, group, before, feedbackBefore, null, 0);
        }

        var since = await insight.EqualityAsync(plan.StartMonth, now, null, cancellationToken);
        var feedbackSince = (await insight.MonthlyAsync(plan.StartMonth, now, null, cancellationToken)).Sum(count => count.Count);
        return OutreachEffect.Of(plan, group, before, feedbackBefore, since, feedbackSince);
    }

    /// <summary>The comparison, or null when the content pack does not describe the area's population.</summary>
    public async Task<VoicesPanel> ReadAsync(YearMonth from, YearMonth to, string? serviceId, CancellationToken cancellationToken)
    {
        var period = from == to ? from.ToDisplayString() : $"{from.ToDisplayString()} to {to.ToDisplayString()}";
        if (pack.Population.Groups.Count == 0)
        {
            return new VoicesPanel(null, pack.Population.Source, period);
        }

        var answers = await insight.EqualityAsync(from, to, serviceId, cancellationToken);
        var feedback = (await insight.MonthlyAsync(from, to, serviceId, cancellationToken)).Sum(count => count.Count);
        var groups = pack.Population.Groups.Select(group => new PopulationShare(group.Name, group.Question, group.Answers, group.Percent)).ToArray();
        return new VoicesPanel(VoicesHeard.Compare(groups, answers, feedback), pack.Population.Source, period);
    }
}

/// <summary>What the "Whose voices are missing" panel shows.</summary>
/// <param name="Heard">The comparison; null when the content pack does not describe the population.</param>
/// <param name="Source">Where the population's figures come from.</param>
/// <param name="Period">The period, in words.</param>
public sealed record VoicesPanel(VoicesHeard? Heard, string Source, string Period);
