using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.BackOffice.Features.Shared;

/// <summary>Whose voices are missing for a period (at a service, or everywhere), read from the stores.</summary>
public sealed class VoicesReader(IInsightQueries insight, ContentPack pack)
{
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
