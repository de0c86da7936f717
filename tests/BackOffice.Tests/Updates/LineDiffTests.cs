using QualityVoice.BackOffice.Features.Updates;

namespace QualityVoice.BackOffice.Tests.Updates;

public sealed class LineDiffTests
{
    [Fact]
    public void A_changed_line_is_shown_removed_then_added_between_the_lines_kept()
    {
        var lines = LineDiff.Compare(["Title: A", "Progress: planned", "Body"], ["Title: A", "Progress: done", "Body", "More"]);

        Assert.Equal(
            [
                new DiffLine(DiffKind.Kept, "Title: A"),
                new DiffLine(DiffKind.Removed, "Progress: planned"),
                new DiffLine(DiffKind.Added, "Progress: done"),
                new DiffLine(DiffKind.Kept, "Body"),
                new DiffLine(DiffKind.Added, "More"),
            ],
            lines);
    }

    [Fact]
    public void The_first_version_is_all_added()
    {
        Assert.Equal([new DiffLine(DiffKind.Added, "Title: A")], LineDiff.Compare([], ["Title: A"]));
    }

    [Fact]
    public void Two_versions_of_twenty_thousand_lines_each_compare_without_a_table_of_every_pair()
    {
        var before = Enumerable.Repeat(string.Empty, 20_000).ToArray();
        var after = Enumerable.Range(0, 20_000).Select(i => i % 2 == 0 ? string.Empty : $"line {i}").ToArray();
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var lines = LineDiff.Compare(before, after);

        // A 20,001 × 20,001 table of ints alone is 1.6 GB.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 200_000_000);
        Assert.Equal(10_000, lines.Count(line => line.Kind == DiffKind.Added));
        Assert.Equal(10_000, lines.Count(line => line.Kind == DiffKind.Removed));
    }
}
