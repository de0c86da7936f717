namespace QualityVoice.Feedback.Insight;

/// <summary>
/// Outreach the engagement team plans for a group of the population that is not being heard (a clinic visit, a
/// community group, a form in another format), recorded so that its effect can be seen: the group's share of the
/// people who answered, before it started and since.
/// </summary>
/// <param name="Id">Its id.</param>
/// <param name="Group">The population group, by its name in the content pack.</param>
/// <param name="What">What the team will do.</param>
/// <param name="StartsOn">When it starts.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When.</param>
public sealed record OutreachPlan(string Id, string Group, string What, DateOnly StartsOn, string RecordedBy, DateTimeOffset RecordedAt)
{
    /// <summary>The longest description kept.</summary>
    public const int WhatMaxLength = 1000;

    /// <summary>How many months before it started its effect is measured against.</summary>
    public const int MonthsBefore = 3;

    /// <summary>The months its "before" covers: the <see cref="MonthsBefore"/> months before the one it starts in.</summary>
    public (YearMonth From, YearMonth To) Before => (StartMonth.AddMonths(-MonthsBefore), StartMonth.AddMonths(-1));

    /// <summary>The month it starts in.</summary>
    public YearMonth StartMonth => new(StartsOn.Year, StartsOn.Month);

    /// <summary>What is wrong with what it says it will do, or null when it will do.</summary>
    public static string? ProblemWith(string? what) =>
        string.IsNullOrWhiteSpace(what) ? "Say what the outreach will do"
        : what.Trim().Length > WhatMaxLength ? $"Say what it will do in {WhatMaxLength:N0} characters or fewer"
        : null;
}

/// <summary>Where outreach plans are kept.</summary>
public interface IOutreachPlans
{
    /// <summary>Records a plan.</summary>
    Task AddAsync(OutreachPlan plan, CancellationToken cancellationToken);

    /// <summary>Every plan, the latest start first.</summary>
    Task<IReadOnlyList<OutreachPlan>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>An outreach plan and how its group was heard before it started and since.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Before">The group in the months before it started; null when the group is no longer in the content pack.</param>
/// <param name="Since">The group from the month it started to now; null before it starts or without the group.</param>
public sealed record OutreachEffect(OutreachPlan Plan, GroupHeard? Before, GroupHeard? Since)
{
    /// <summary>The plan's effect, from the group's answers in its "before" months and since it started.</summary>
    public static OutreachEffect Of(OutreachPlan plan, PopulationShare? group, IReadOnlyList<EqualityAnswerCount> before, int feedbackBefore, IReadOnlyList<EqualityAnswerCount>? since, int feedbackSince)
    {
        if (group is null)
        {
            return new OutreachEffect(plan, null, null);
        }

        return new OutreachEffect(
            plan,
            VoicesHeard.Compare([group], before, feedbackBefore).Groups[0],
            since is null ? null : VoicesHeard.Compare([group], since, feedbackSince).Groups[0]);
    }
}
