namespace QualityVoice.Analysis.Tests;

public sealed class ClausesTests
{
    [Theory]
    [InlineData("The nurses were lovely but I waited six hours", new[] { "The nurses were lovely", " but I waited six hours" })]
    [InlineData("The care was great. The car park was full; I was late.", new[] { "The care was great.", " The car park was full;", " I was late." })]
    [InlineData("Thank you. Great. The staff were kind", new[] { "Thank you. Great.", " The staff were kind" })]
    [InlineData("Fine. The staff were kind although the food was cold", new[] { "Fine. The staff were kind", " although the food was cold" })]
    [InlineData("Everything was thoughtful and kind", new[] { "Everything was thoughtful and kind" })]
    [InlineData("", new[] { "" })]
    public void A_comment_splits_where_its_feeling_may_turn(string text, string[] expected)
    {
        var clauses = Clauses.Split(text);

        Assert.Equal(expected, clauses.Select(clause => text[clause]));
        Assert.Equal(text, string.Concat(clauses.Select(clause => text[clause])));
    }
}

public sealed class ClauseContentTests
{
    [Theory]
    [InlineData("The nurses were lovely but I waited six hours", new[] { "The nurses were lovely", "I waited six hours" })]
    [InlineData("The staff were kind. However, the ward was dirty", new[] { "The staff were kind.", "the ward was dirty" })]
    [InlineData("But why did nobody call me back", new[] { "why did nobody call me back" })]
    public void The_words_that_turned_the_feeling_are_not_read_as_part_of_it(string text, string[] expected) =>
        Assert.Equal(expected, Clauses.Contents(text).Select(clause => text[clause]));
}
