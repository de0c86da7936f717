using System.Diagnostics.CodeAnalysis;

namespace QualityVoice.Content;

/// <summary>
/// Who lives in the ICB's area, as its own strategy describes them ("if Somerset were 100 people"), in the terms of
/// the feedback form's optional equality monitoring questions, so that the people who give feedback can be compared
/// with the people the ICB serves. A pack without <c>population.yml</c> has none, and the comparison says so.
/// </summary>
/// <param name="Source">Where the figures come from, as the report cites them.</param>
/// <param name="Groups">The groups, each the share of the population that would give certain answers to one question.</param>
public sealed record PopulationProfile(string Source, IReadOnlyList<PopulationGroup> Groups)
{
    /// <summary>No profile.</summary>
    public static readonly PopulationProfile None = new(string.Empty, []);

    /// <summary>
    /// The equality monitoring questions and the answers each offers (besides "prefer not to say"), by the names the
    /// feedback form stores them under: the ONS 2021 census's questions.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Questions { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["age"] = ["under-16", "16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85-plus"],
        ["sex"] = ["female", "male"],
        ["gender-identity"] = ["yes", "no"],
        ["ethnicity"] = ["asian", "black", "mixed", "white", "other"],
        ["disability"] = ["yes", "no"],
        ["religion"] = ["none", "christian", "buddhist", "hindu", "jewish", "muslim", "sikh", "other"],
        ["sexual-orientation"] = ["straight", "gay-lesbian", "bisexual", "other"],
    };

    /// <summary>
    /// Checks a profile as a content source describes it (a pack's <c>population.yml</c>, or Umbraco's items) and builds
    /// it; false, with what is wrong in words an editor can act on, when it does not hold together.
    /// </summary>
    public static bool TryCreate(string? source, IEnumerable<PopulationGroupDescription> described, [NotNullWhen(true)] out PopulationProfile? profile, [NotNullWhen(false)] out string? problem)
    {
        profile = null;
        var groups = new List<PopulationGroup>();
        foreach (var group in described)
        {
            problem = string.IsNullOrWhiteSpace(group.Name) ? "every population group needs a name."
                : group.Question is null || !Questions.TryGetValue(group.Question, out var offered) ? $"the group '{group.Name}' needs a question, one of: {string.Join(", ", Questions.Keys)}."
                : group.Answers.Count == 0 || group.Answers.Any(answer => !offered.Contains(answer)) ? $"the group '{group.Name}' needs answers to '{group.Question}' from: {string.Join(", ", offered)}."
                : group.Percent is not (> 0 and < 100) ? $"the group '{group.Name}' needs a percent of the population greater than 0 and less than 100."
                : groups.FirstOrDefault(other => other.Question == group.Question && other.Answers.Intersect(group.Answers).Any()) is { } overlapping
                    ? $"the groups '{overlapping.Name}' and '{group.Name}' share an answer: a person can be in only one group of a question."
                : null;
            if (problem is not null)
            {
                return false;
            }

            groups.Add(new PopulationGroup(group.Name!.Trim(), group.Question!, [.. group.Answers], group.Percent!.Value));
        }

        if (groups.GroupBy(group => group.Question).FirstOrDefault(question => question.Sum(group => group.Percent) > 100.5) is { } tooMany)
        {
            problem = $"the groups of '{tooMany.Key}' add up to more than 100% of the population.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            problem = "the population needs a source: where its figures come from.";
            return false;
        }

        profile = new PopulationProfile(source.Trim(), groups);
        problem = null;
        return true;
    }

    /// <summary>The questions in the words the reports use.</summary>
    public static string QuestionText(string question) => question switch
    {
        "age" => "Age",
        "sex" => "Sex",
        "gender-identity" => "Gender identity the same as sex registered at birth",
        "ethnicity" => "Ethnic group",
        "disability" => "Long-term condition or disability",
        "religion" => "Religion",
        "sexual-orientation" => "Sexual orientation",
        _ => question,
    };
}

/// <summary>A group of the population, by its answers to one equality monitoring question.</summary>
/// <param name="Name">The group in the strategy's words ("Aged 75 or over").</param>
/// <param name="Question">The question (a key of <see cref="PopulationProfile.Questions"/>).</param>
/// <param name="Answers">The answers that put a person in the group.</param>
/// <param name="Percent">The group's share of the population, as a percentage.</param>
public sealed record PopulationGroup(string Name, string Question, IReadOnlyList<string> Answers, double Percent);

/// <summary>A population group as a content source describes it, before it is checked.</summary>
/// <param name="Name">The group in the strategy's words.</param>
/// <param name="Question">The question.</param>
/// <param name="Answers">The answers that put a person in the group.</param>
/// <param name="Percent">The group's share of the population, as a percentage.</param>
public sealed record PopulationGroupDescription(string? Name, string? Question, IReadOnlyList<string> Answers, double? Percent);
