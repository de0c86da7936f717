using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Tests.Insight;

/// <summary>Whose voices are missing, against a known synthetic population and hand-worked Wilson intervals.</summary>
public sealed class VoicesHeardTests
{
    private static readonly PopulationShare[] Population =
    [
        new("Aged under 25", "age", ["under-16", "16-24"], 25),
        new("Aged 25 to 64", "age", ["25-34", "35-44", "45-54", "55-64"], 50),
        new("Aged 65 or over", "age", ["65-74", "75-84", "85-plus"], 25),
        new("With a disability", "disability", ["yes"], 19),
    ];

    [Theory]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(5, 10, 0.2366, 0.7634)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(50, 400, 0.0960, 0.1609)]
    public void Wilsons_interval_matches_the_worked_values(int k, int n, double low, double high)
    {
        var (l, h) = VoicesHeard.Wilson(k, n);

        Assert.Equal(low, l, 3);
        Assert.Equal(high, h, 3);
    }

    [Fact]
    public void A_group_heard_significantly_less_than_its_share_is_flagged_and_the_unanswered_are_counted()
    {
        // 400 people answered the age question: 20 under 25 (5%, the population is 25%), 260 aged 25 to 64 (65%, is
        // 50%), 120 aged 65 or over (30%, is 25%); 30 preferred not to say; 70 of the 500 pieces of feedback did not
        // answer it. 100 answered the disability question, 17 of them yes (17%, is 19%).
        EqualityAnswerCount[] answers =
        [
            new("age", "under-16", 5), new("age", "16-24", 15), new("age", "35-44", 100), new("age", "55-64", 160),
            new("age", "65-74", 80), new("age", "85-plus", 40), new("age", "prefer-not-to-say", 30), new("age", null, 20),
            new("disability", "yes", 17), new("disability", "no", 83), new("disability", null, 350),
            new("religion", "christian", 10),
        ];

        var heard = VoicesHeard.Compare(Population, answers, feedback: 500);

        var young = heard.Groups.Single(group => group.Name == "Aged under 25");
        Assert.Equal((20, 400), (young.Respondents, young.Answered));
        Assert.Equal(5.0, young.Percent!.Value, 6);
        Assert.Equal(Hearing.HeardLess, young.Hearing);
        Assert.True(young.High < 25);
        Assert.Equal(Hearing.HeardMore, heard.Groups.Single(group => group.Name == "Aged 25 to 64").Hearing);
        // 30% of 400 has an interval of about 25.7% to 34.7%: above 25, so heard more.
        Assert.Equal(Hearing.HeardMore, heard.Groups.Single(group => group.Name == "Aged 65 or over").Hearing);
        Assert.Equal(Hearing.InLine, heard.Groups.Single(group => group.Name == "With a disability").Hearing);

        var age = heard.Questions.Single(question => question.Question == "age");
        Assert.Equal((400, 30, 70), (age.Answered, age.PreferNotToSay, age.NotAnswered));
        var disability = heard.Questions.Single(question => question.Question == "disability");
        Assert.Equal((100, 0, 400), (disability.Answered, disability.PreferNotToSay, disability.NotAnswered));
        Assert.DoesNotContain(heard.Questions, question => question.Question == "religion");
    }

    [Fact]
    public void With_nobody_answering_nothing_is_said_about_a_group()
    {
        var heard = VoicesHeard.Compare(Population, [], feedback: 12);

        Assert.All(heard.Groups, group => Assert.Equal(Hearing.TooFewToSay, group.Hearing));
        Assert.All(heard.Questions, question => Assert.Equal(12, question.NotAnswered));
    }

    [Fact]
    public void Outreach_is_measured_against_the_three_months_before_the_month_it_starts()
    {
        var plan = new OutreachPlan("p", "Aged under 25", "College fair", new DateOnly(2026, 11, 15), "e", DateTimeOffset.UnixEpoch);
        EqualityAnswerCount[] before = [new("age", "16-24", 5), new("age", "45-54", 95)];
        EqualityAnswerCount[] since = [new("age", "16-24", 30), new("age", "45-54", 70)];

        var effect = OutreachEffect.Of(plan, Population[0], before, 120, since, 110);

        Assert.Equal((new YearMonth(2026, 8), new YearMonth(2026, 10)), plan.Before);
        Assert.Equal((5.0, Hearing.HeardLess), (effect.Before!.Percent!.Value, effect.Before.Hearing));
        Assert.Equal((30.0, Hearing.InLine), (effect.Since!.Percent!.Value, effect.Since.Hearing));
        Assert.Equal((null, null), (OutreachEffect.Of(plan, null, before, 120, since, 110).Before, OutreachEffect.Of(plan, null, before, 120, since, 110).Since));
    }
}
