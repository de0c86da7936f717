using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Tests.Insight;

public sealed class SmallNumbersTests
{
    [Theory]
    [InlineData(new[] { 12, 0, 5, 40 }, "12 0 5 40 = 57")] // five or more, and zeros, are shown
    [InlineData(new[] { 3, 0, 7, 40 }, "c 0 c 40 = 50")] // a lone small count hides the next smallest
    [InlineData(new[] { 1, 1, 6, 90 }, "c c c 90 = 98")] // 1 and 1 hidden would each be known from the total
    [InlineData(new[] { 2, 0, 1 }, "c 0 c = c")] // a small total hides everything but the zeros
    [InlineData(new[] { 4, 6 }, "c c = 10")]
    [InlineData(new[] { 0, 0 }, "0 0 = 0")]
    public void Small_counts_are_hidden_and_so_is_whatever_would_reveal_them(int[] cells, string published)
    {
        var (shown, total) = SmallNumbers.Suppress(cells);

        Assert.Equal(published, $"{string.Join(' ', shown.Select(Show))} = {Show(total)}");
    }

    [Fact]
    public void No_hidden_count_can_be_worked_out_from_what_is_shown()
    {
        var random = new Random(7);
        for (var run = 0; run < 5000; run++)
        {
            var cells = Enumerable.Range(0, random.Next(1, 7)).Select(_ => random.Next(4) == 0 ? random.Next(1, 5) : random.Next(0, 30)).ToArray();

            var (shown, total) = SmallNumbers.Suppress(cells);

            Assert.All(shown.Where(cell => cell is not null), cell => Assert.True(cell is 0 or >= SmallNumbers.Threshold));
            var hidden = cells.Where((_, i) => shown[i] is null).ToArray();
            if (total is not null && hidden.Length > 0)
            {
                Assert.True(hidden.Length >= 2 && hidden.Sum() >= SmallNumbers.Threshold, string.Join(",", cells));
            }
        }
    }

    private static string Show(int? count) => count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "c";
}
