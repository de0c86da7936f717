using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Tests.Rights;

/// <summary>How an erased item leaves a kept report: its quoted words go, its outcome stays counted without its reference.</summary>
public sealed class KeptReportErasureTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_quote_of_theirs_goes_and_an_outcome_of_theirs_loses_its_reference()
    {
        var report = new KeptReport(
            "r1", KeptReportKind.ServiceReport, "Service quality report", At, "quality@example.nhs.uk",
            """
            {"voices":[{"theme":"Waiting","quote":{"reference":"QV-AAAA-AAAA","text":"I waited [time]","confidence":0.9}},
                       {"theme":"Staff","quote":{"reference":"QV-BBBB-BBBB","text":"Kind staff","confidence":0.8}}],
             "quotes":[{"reference":"QV-AAAA-AAAA","text":"Again"},{"reference":"QV-CCCC-CCCC","text":"Fine"}],
             "urgent":[{"reference":"QV-AAAA-AAAA","serviceName":"Wards","status":"closed"}]}
            """);

        var figures = System.Text.Json.Nodes.JsonNode.Parse(report.WithoutReference("QV-AAAA-AAAA")!)!;

        Assert.Null(figures["voices"]![0]!["quote"]);
        Assert.Equal("Kind staff", (string?)figures["voices"]![1]!["quote"]!["text"]);
        Assert.Equal(["QV-CCCC-CCCC"], figures["quotes"]!.AsArray().Select(quote => (string?)quote!["reference"]));
        Assert.Equal(KeptReport.ErasedReference, (string?)figures["urgent"]![0]!["reference"]);
        Assert.Equal("Wards", (string?)figures["urgent"]![0]!["serviceName"]);
        Assert.DoesNotContain("QV-AAAA-AAAA", figures.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(report.WithoutReference("QV-DDDD-DDDD"));
    }
}
