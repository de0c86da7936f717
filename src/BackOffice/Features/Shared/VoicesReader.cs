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
        if (pack.Population.Groups.FirstOrDefault(candidate => candidate.Name == plan.Group) is not { } found)
        {
            return OutreachEffect.Of(plan, null, [], 0, null, 0);
        }

        var (beforeFrom, beforeTo) = plan.Before;
        var (before, feedbackBefore) = await AnswersAsync(beforeFrom, beforeTo, null, cancellationToken);
        if (plan.StartMonth > now)
        {
            return OutreachEffect.Of(plan, ShareOf(found), before, feedbackBefore, null, 0);
        }

        var (since, feedbackSince) = await AnswersAsync(plan.StartMonth, now, null, cancellationToken);
        return OutreachEffect.Of(plan, ShareOf(found), before, feedbackBefore, since, feedbackSince);
    }

    /// <summary>The comparison, or null when the content pack does not describe the area's population.</summary>
    public async Task<VoicesPanel> ReadAsync(YearMonth from, YearMonth to, string? serviceId, CancellationToken cancellationToken)
    {
        var period = YearMonth.DisplayPeriod(from, to);
        if (pack.Population.Groups.Count == 0)
        {
            return new VoicesPanel(null, pack.Population.Source, period);
        }

        var (answers, feedback) = await AnswersAsync(from, to, serviceId, cancellationToken);
        return new VoicesPanel(VoicesHeard.Compare([.. pack.Population.Groups.Select(ShareOf)], answers, feedback), pack.Population.Source, period);
    }

    private static PopulationShare ShareOf(PopulationGroup group) => new(group.Name, group.Question, group.Answers, group.Percent);

    /// <summary>The equality answers given in the months, and how many pieces of feedback came in them.</summary>
    private async Task<(IReadOnlyList<EqualityAnswerCount> Answers, int Feedback)> AnswersAsync(YearMonth from, YearMonth to, string? serviceId, CancellationToken cancellationToken) =>
        (await insight.EqualityAsync(from, to, serviceId, cancellationToken), (await insight.MonthlyAsync(from, to, serviceId, cancellationToken)).Sum(count => count.Count));
}

/// <summary>What the "Whose voices are missing" panel shows.</summary>
/// <param name="Heard">The comparison; null when the content pack does not describe the population.</param>
/// <param name="Source">Where the population's figures come from.</param>
/// <param name="Period">The period, in words.</param>
public sealed record VoicesPanel(VoicesHeard? Heard, string Source, string Period);
