using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.Cli.Commands;

/// <summary>
/// <c>./qv recount</c>: rebuilds the dashboard's and reports' counts from the items themselves. On Cosmos DB, the repair
/// for a month whose counts a stopped process left behind; on SQLite the counts cannot drift, and nothing changes.
/// </summary>
internal static class RecountCommand
{
    public static async Task<int> RunAsync(IInsightRecount recount, TextWriter output, CancellationToken cancellationToken)
    {
        var corrected = await recount.RecountAsync(cancellationToken);
        await output.WriteLineAsync(corrected == 0
            ? "recount: every month's counts already matched its items"
            : $"recount: the counts of {Counted.Of(corrected, "month")} corrected from the items");
        return 0;
    }
}
