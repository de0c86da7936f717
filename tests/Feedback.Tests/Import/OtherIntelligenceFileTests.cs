using System.Text;
using QualityVoice.Feedback.Import;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Tests.Import;

/// <summary>A quality team's file of complaints, PALS and incident counts: taken whole, or refused with every problem's line.</summary>
public sealed class OtherIntelligenceFileTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_good_file_gives_its_counts_in_any_column_order_with_who_uploaded_them()
    {
        var (counts, problems) = Read("count,channel,service,month,subject\n4,complaints,rtd-ae,2026-09,Waiting times\n7,PALS,rtd-ae,2026-10,\n");

        Assert.Empty(problems);
        Assert.Equal(
            [new IntelligenceCount("rtd-ae", new YearMonth(2026, 9), IntelligenceChannel.Complaints, "Waiting times", 4, "quality@example.nhs.uk", At),
             new IntelligenceCount("rtd-ae", new YearMonth(2026, 10), IntelligenceChannel.Pals, string.Empty, 7, "quality@example.nhs.uk", At)],
            counts);
    }

    [Fact]
    public void A_file_without_a_subject_column_gives_channel_totals()
    {
        var (counts, problems) = Read("service,month,channel,count\nrtd-wards,2026-10,incidents,2\n");

        Assert.Empty(problems);
        Assert.Equal(string.Empty, Assert.Single(counts).Subject);
    }

    [Theory]
    [InlineData("service,month,count\nrtd-ae,2026-09,4\n", "channel is missing")]
    [InlineData("service,month,channel,count\nnowhere,2026-09,complaints,4\n", "Line 2: 'nowhere' is not a service id")]
    [InlineData("service,month,channel,count\nrtd-ae,Sept 2026,complaints,4\n", "Line 2: the month must be written like 2026-09")]
    [InlineData("service,month,channel,count\nrtd-ae,2026-09,letters,4\n", "Line 2: the channel must be one of complaints, pals, incidents, healthwatch, other")]
    [InlineData("service,month,channel,count\nrtd-ae,2026-09,complaints,-1\n", "Line 2: the count must be a whole number")]
    [InlineData("service,month,channel,count\nrtd-ae,2026-09,complaints,4\nrtd-ae,2026-09,complaints,5\n", "Line 3: the same service, month, channel and subject is on an earlier line")]
    [InlineData("service,month,channel,count\n", "The file has no rows")]
    public void A_file_with_any_bad_row_is_refused_whole_saying_what_is_wrong_where(string file, string problem)
    {
        var (counts, problems) = Read(file);

        Assert.Empty(counts);
        Assert.Contains(problems, found => found.Contains(problem, StringComparison.Ordinal));
    }

    private static (IReadOnlyList<IntelligenceCount> Counts, IReadOnlyList<string> Problems) Read(string file)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(file));
        return OtherIntelligenceFile.Read(input, service => service.StartsWith("rtd-", StringComparison.Ordinal), "quality@example.nhs.uk", At);
    }
}
