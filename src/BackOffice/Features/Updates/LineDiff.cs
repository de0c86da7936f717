using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace QualityVoice.BackOffice.Features.Updates;

/// <summary>
/// The differences between two versions of an update, line by line, for its history: DiffPlex's Myers diff, whose
/// time and memory grow with the size of the texts and of their differences (never with their product, which a
/// table of every pair of lines would need: a body of 20,000 lines must not cost gigabytes).
/// </summary>
public static class LineDiff
{
    /// <summary>Every line of both texts in order, each kept, added or removed.</summary>
    public static IReadOnlyList<DiffLine> Compare(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        if (before.Count == 0)
        {
            return after.Select(line => new DiffLine(DiffKind.Added, line)).ToArray();
        }

        var diff = new InlineDiffBuilder(Differ.Instance).BuildDiffModel(
            string.Join('\n', before), string.Join('\n', after), ignoreWhitespace: false, ignoreCase: false, new LineChunker());
        return diff.Lines
            .Where(line => line.Type is ChangeType.Unchanged or ChangeType.Inserted or ChangeType.Deleted)
            .Select(line => new DiffLine(
                line.Type switch
                {
                    ChangeType.Inserted => DiffKind.Added,
                    ChangeType.Deleted => DiffKind.Removed,
                    _ => DiffKind.Kept,
                },
                line.Text))
            .ToArray();
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
