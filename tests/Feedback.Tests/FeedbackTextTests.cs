namespace QualityVoice.Feedback.Tests;

public sealed class FeedbackTextTests
{
    [Theory]
    [InlineData("The nurse was kind 😊👍🏽")]
    [InlineData("كانت الممرضة لطيفة جدا")]
    [InlineData("שירות מצוין")]
    [InlineData("Cafe\u0301 was open, and Zoë helped")]
    [InlineData("Line one\r\nLine two\n\tindented")]
    [InlineData("<script>alert('x')</script> & \"quotes\"")]
    public void Text_is_kept_exactly_as_typed(string typed)
    {
        var check = FeedbackText.Check(typed, 5000, "What was good");

        Assert.True(check.IsValid);
        Assert.Equal(typed, check.Value);
    }

    [Fact]
    public void Text_is_trimmed_at_the_ends_only()
    {
        Assert.Equal("a  b", FeedbackText.Check("  \n a  b \t\n", 10, "x").Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Nothing_typed_is_stored_as_nothing(string? typed)
    {
        var check = FeedbackText.Check(typed, 10, "x");

        Assert.True(check.IsValid);
        Assert.Null(check.Value);
    }

    [Theory]
    [InlineData("bell\u0007")]
    [InlineData("nul\u0000")]
    [InlineData("escape\u001b[31m")]
    [InlineData("c1\u0085 inside")]
    public void Control_characters_are_refused_with_a_message(string typed)
    {
        var check = FeedbackText.Check(typed, 5000, "What was good");

        Assert.False(check.IsValid);
        Assert.Equal("What was good contains a hidden control character. Remove it and try again.", check.Error);
    }

    [Fact]
    public void A_lone_surrogate_is_refused_with_a_message()
    {
        var check = FeedbackText.Check("broken \ud800 text", 5000, "What could we do better");

        Assert.False(check.IsValid);
        Assert.StartsWith("What could we do better contains a character that cannot be read", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limit_counts_characters_as_people_see_them()
    {
        var emoji = string.Concat(Enumerable.Repeat("😊", 5000));

        Assert.True(FeedbackText.Check(emoji, 5000, "x").IsValid);
        Assert.False(FeedbackText.Check(emoji + "😊", 5000, "x").IsValid);
    }

    [Fact]
    public void Over_long_text_is_refused_naming_the_limit()
    {
        var check = FeedbackText.Check(new string('a', 5001), 5000, "What was good");

        Assert.Equal("What was good must be 5,000 characters or fewer. You have used 5,001.", check.Error);
    }
}
