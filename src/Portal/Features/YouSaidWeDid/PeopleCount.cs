using QualityVoice.Feedback.Insight;

namespace QualityVoice.Portal.Features.YouSaidWeDid;

/// <summary>
/// How many people told us something, as the public pages say it, with the rule open data follows (see
/// <see cref="SmallNumbers"/>): a count of 1 to 4 could point to a person, so it is "fewer than 5 people".
/// </summary>
public static class PeopleCount
{
    /// <summary>"Fewer than 5 people" or "38 people", to start a sentence.</summary>
    public static string Say(int people) =>
        people < SmallNumbers.Threshold ? $"Fewer than {SmallNumbers.Threshold} people" : $"{people:N0} people";
}
