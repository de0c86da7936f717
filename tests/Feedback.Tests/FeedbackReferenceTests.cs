using QualityVoice.Feedback;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests;

public sealed class FeedbackReferenceTests
{
    [Fact]
    public void A_reference_is_the_prefix_and_two_groups_of_four_from_the_alphabet()
    {
        var reference = FeedbackReference.Create("QV", new SecureRandomSource());

        Assert.Matches("^QV-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$", reference);
    }

    [Fact]
    public void The_alphabet_has_no_characters_that_look_alike()
    {
        foreach (var lookalike in "01ILO")
        {
            Assert.DoesNotContain(lookalike, FeedbackReference.Alphabet);
        }
    }

    [Fact]
    public void A_reference_is_made_from_the_random_source()
    {
        var reference = FeedbackReference.Create("QV", new ScriptedRandomSource(0, 1, 2, 3, 4, 5, 6, 7));

        Assert.Equal("QV-2345-6789", reference);
    }

    [Theory]
    [InlineData("QV-7K3M-9XQ2")]
    [InlineData("qv-7k3m-9xq2")]
    [InlineData(" QV 7K3M 9XQ2 ")]
    [InlineData("7K3M9XQ2")]
    [InlineData("qv7k3m9xq2")]
    public void A_typed_reference_is_read_in_any_case_with_or_without_dashes(string typed)
    {
        Assert.True(FeedbackReference.TryNormalise(typed, "QV", out var reference));
        Assert.Equal("QV-7K3M-9XQ2", reference);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("QV-7K3M-9XQ")]
    [InlineData("QV-7K3M-9XQ22")]
    [InlineData("QV-7K3M-9XO2")]
    [InlineData("QV-1K3M-9XQ2")]
    [InlineData("SU-7K3M-9XQ2")]
    [InlineData("QV-7K3M-9XQ2'; DROP TABLE feedback_items; --")]
    public void Anything_else_is_not_a_reference(string? typed)
    {
        Assert.False(FeedbackReference.TryNormalise(typed, "QV", out _));
    }
}
