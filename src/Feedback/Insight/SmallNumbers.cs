namespace QualityVoice.Feedback.Insight;

/// <summary>
/// Statistical disclosure control for published counts: a count of 1 to 4 could point to a person, so it is
/// hidden (primary suppression); and where the group's total would let someone work a hidden count out, the
/// next smallest counts are hidden too until the hidden counts add up to at least 5 and there are at least two
/// (secondary suppression). If that is not possible, the total is hidden as well. Zeros are shown.
/// </summary>
public static class SmallNumbers
{
    /// <summary>The smallest count that is shown.</summary>
    public const int Threshold = 5;

    /// <summary>The cells and total of one group as published: null where hidden.</summary>
    public static (int?[] Cells, int? Total) Suppress(IReadOnlyList<int> cells)
    {
        var total = cells.Sum();
        var hidden = cells.Select(cell => cell is > 0 and < Threshold).ToArray();
        if (total is > 0 and < Threshold)
        {
            return (cells.Select(cell => cell == 0 ? 0 : (int?)null).ToArray(), null);
        }

        bool Safe() => hidden.Count(h => h) == 0 || (hidden.Count(h => h) >= 2 && cells.Where((_, i) => hidden[i]).Sum() >= Threshold);
        while (!Safe())
        {
            var next = Enumerable.Range(0, cells.Count).Where(i => !hidden[i] && cells[i] > 0).OrderBy(i => cells[i]).Cast<int?>().FirstOrDefault();
            if (next is null)
            {
                // Every non-zero count is hidden and still too little is hidden: the total would give them away.
                return (cells.Select((cell, i) => hidden[i] ? null : (int?)cell).ToArray(), null);
            }

            hidden[next.Value] = true;
        }

        return (cells.Select((cell, i) => hidden[i] ? null : (int?)cell).ToArray(), total);
    }
}
