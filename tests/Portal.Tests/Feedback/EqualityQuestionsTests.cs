using QualityVoice.Content;
using QualityVoice.Portal.Features.Feedback;

namespace QualityVoice.Portal.Tests.Feedback;

/// <summary>The form asks exactly the questions, with exactly the answers, that a content pack's population is described in.</summary>
public sealed class EqualityQuestionsTests
{
    [Fact]
    public void The_forms_answers_are_the_ones_a_population_profile_names()
    {
        var asked = new Dictionary<string, IEnumerable<string>>
        {
            ["age"] = EqualityQuestions.AgeBands.Select(item => item.Value),
            ["sex"] = EqualityQuestions.Sexes.Select(item => item.Value),
            ["gender-identity"] = EqualityQuestions.GenderIdentity.Select(item => item.Value),
            ["ethnicity"] = EqualityQuestions.Ethnicities.Select(item => item.Value),
            ["disability"] = EqualityQuestions.Disability.Select(item => item.Value),
            ["religion"] = EqualityQuestions.Religions.Select(item => item.Value),
            ["sexual-orientation"] = EqualityQuestions.SexualOrientations.Select(item => item.Value),
        };

        Assert.Equal(PopulationProfile.Questions.Keys.Order(StringComparer.Ordinal), asked.Keys.Order(StringComparer.Ordinal));
        foreach (var (question, answers) in asked)
        {
            Assert.Equal([.. PopulationProfile.Questions[question], EqualityQuestions.PreferNotToSay], answers);
        }
    }
}
