namespace QualityVoice.BackOffice.Features.Updates;

/// <summary>The differences between two texts, line by line (a longest common subsequence), for an update's history.</summary>
public static class LineDiff
{
    /// <summary>Every line of both texts in order, each kept, added or removed.</summary>
    public static IReadOnlyList<DiffLine> Compare(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        // common[i, j]: the length of the longest common subsequence of before[i..] and after[j..].
        var common = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
        {
            for (var j = after.Count - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<DiffLine>();
        int b = 0, a = 0;
        while (b < before.Count || a < after.Count)
        {
            if (b < before.Count && a < after.Count && before[b] == after[a])
            {
                lines.Add(new DiffLine(DiffKind.Kept, before[b]));
                b++;
                a++;
            }
            else if (a < after.Count && (b == before.Count || common[b, a + 1] >= common[b + 1, a]))
            {
                lines.Add(new DiffLine(DiffKind.Added, after[a++]));
            }
            else
            {
                lines.Add(new DiffLine(DiffKind.Removed, before[b++]));
            }
        }

        return lines;
    }
}

/// <summary>One line of a comparison.</summary>
/// <param name="Kind">Whether it was kept, added or removed.</param>
/// <param name="Text">The line.</param>
public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>What happened to a line between two versions.</summary>
public enum DiffKind
{
    /// <summary>In both.</summary>
    Kept,

    /// <summary>Only in the newer.</summary>
    Added,

    /// <summary>Only in the older.</summary>
    Removed,
}
