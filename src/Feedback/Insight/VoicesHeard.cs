namespace QualityVoice.Feedback.Insight;

/// <summary>
/// Whose voices are missing: for each group of the population the content pack describes, the share of the people
/// who gave feedback (and answered that equality monitoring question) who are in the group, with its 95% confidence
/// interval (Wilson's), against the group's share of the population. A group whose interval lies wholly below its
/// share is heard significantly less than its share; wholly above, more. How many chose not to answer is said plainly.
/// </summary>
public sealed record VoicesHeard(IReadOnlyList<GroupHeard> Groups, IReadOnlyList<QuestionAnswered> Questions, int Feedback)
{
    /// <summary>The normal quantile of a two-sided 95% interval.</summary>
    public const double Z = 1.959964;

    /// <summary>The answer that declines a question.</summary>
    public const string PreferNotToSay = "prefer-not-to-say";

    /// <summary>Compares the answers of the people who gave <paramref name="feedback"/> pieces of feedback with the population.</summary>
    /// <param name="groups">The population's groups.</param>
    /// <param name="answers">How many people gave each answer to each question (no answer counted as a null answer).</param>
    /// <param name="feedback">Pieces of feedback in the period: those with no equality answers at all did not answer any question.</param>
    public static VoicesHeard Compare(IReadOnlyList<PopulationShare> groups, IReadOnlyList<EqualityAnswerCount> answers, int feedback)
    {
        var questions = groups.Select(group => group.Question).Distinct(StringComparer.Ordinal).Select(question =>
        {
            var counts = answers.Where(count => count.Question == question).ToArray();
            var answered = counts.Where(count => count.Answer is not null and not PreferNotToSay).Sum(count => count.Count);
            var declined = counts.Where(count => count.Answer == PreferNotToSay).Sum(count => count.Count);
            return new QuestionAnswered(question, answered, declined, Math.Max(0, feedback - answered - declined));
        }).ToDictionary(question => question.Question, StringComparer.Ordinal);

        var heard = groups.Select(group =>
        {
            var respondents = answers.Where(count => count.Question == group.Question && count.Answer is { } answer && group.Answers.Contains(answer)).Sum(count => count.Count);
            return GroupHeard.Of(group, respondents, questions[group.Question].Answered);
        }).ToArray();
        return new VoicesHeard(heard, [.. questions.Values], feedback);
    }

    /// <summary>Wilson's score interval for <paramref name="k"/> of <paramref name="n"/>, as proportions.</summary>
    public static (double Low, double High) Wilson(int k, int n)
    {
        if (n == 0)
        {
            return (0, 1);
        }

        var p = (double)k / n;
        var z2 = Z * Z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = Z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / (1 + (z2 / n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

/// <summary>A group of the population, as the comparison needs it.</summary>
/// <param name="Name">The group in the strategy's words.</param>
/// <param name="Question">The equality monitoring question.</param>
/// <param name="Answers">The answers that put a person in the group.</param>
/// <param name="Percent">Its share of the population, as a percentage.</param>
public sealed record PopulationShare(string Name, string Question, IReadOnlyList<string> Answers, double Percent);

/// <summary>How many people gave an answer to an equality monitoring question.</summary>
/// <param name="Question">The question.</param>
/// <param name="Answer">The answer; null for "did not answer this question" among people who answered another.</param>
/// <param name="Count">How many.</param>
public sealed record EqualityAnswerCount(string Question, string? Answer, int Count);

/// <summary>How many people answered a question, declined it, or left it.</summary>
/// <param name="Question">The question.</param>
/// <param name="Answered">People who gave an answer: the base of each group's share.</param>
/// <param name="PreferNotToSay">People who chose "prefer not to say".</param>
/// <param name="NotAnswered">Pieces of feedback with no answer to it.</param>
public sealed record QuestionAnswered(string Question, int Answered, int PreferNotToSay, int NotAnswered);

/// <summary>How a group is heard against its share of the population.</summary>
public enum Hearing
{
    /// <summary>Nobody answered the question: nothing can be said.</summary>
    TooFewToSay,

    /// <summary>Its share of respondents is significantly below its share of the population.</summary>
    HeardLess,

    /// <summary>Not significantly different from its share.</summary>
    InLine,

    /// <summary>Its share of respondents is significantly above its share of the population.</summary>
    HeardMore,
}

/// <summary>A group's share of the people who answered, against its share of the population.</summary>
/// <param name="Name">The group.</param>
/// <param name="Question">Its question.</param>
/// <param name="Respondents">People in the group who gave feedback.</param>
/// <param name="Answered">People who answered the question.</param>
/// <param name="Low">The 95% interval's lower end, as a percentage.</param>
/// <param name="High">Its upper end, as a percentage.</param>
/// <param name="PopulationPercent">The group's share of the population, as a percentage.</param>
public sealed record GroupHeard(string Name, string Question, int Respondents, int Answered, double Low, double High, double PopulationPercent)
{
    /// <summary>The group's share of respondents, as a percentage; null when nobody answered.</summary>
    public double? Percent => Answered == 0 ? null : 100.0 * Respondents / Answered;

    /// <summary>How it is heard.</summary>
    public Hearing Hearing =>
        Answered == 0 ? Hearing.TooFewToSay
        : High < PopulationPercent ? Hearing.HeardLess
        : Low > PopulationPercent ? Hearing.HeardMore
        : Hearing.InLine;

    /// <summary>The comparison for a group.</summary>
    public static GroupHeard Of(PopulationShare group, int respondents, int answered)
    {
        var (low, high) = VoicesHeard.Wilson(respondents, answered);
        return new GroupHeard(group.Name, group.Question, respondents, answered, 100 * low, 100 * high, group.Percent);
    }
}
