using System.Text.Json;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Storage;

namespace QualityVoice.Cli.Commands;

/// <summary>
/// <c>./qv export --format jsonl [--include-pii] [--output FILE]</c>: every stored patient and carer feedback item,
/// one JSON object a line, oldest first, with redacted text unless <c>--include-pii</c>. Speak-up cases are never
/// in it: they are in another store, which this command cannot reach.
/// </summary>
internal static class ExportCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(CommandLine line, IFeedbackStore store, TextWriter console, CancellationToken cancellationToken)
    {
        line.OnlyAllow("format", "include-pii", "output");
        if (line.Required("format") != "jsonl")
        {
            throw new UsageException("--format must be jsonl.");
        }

        var includePii = line.Has("include-pii");
        var path = line.Optional("output");
        await using var file = path is null ? null : new StreamWriter(path);
        var output = file ?? console;
        var count = 0L;
        await foreach (var item in store.ReadAllAsync(cancellationToken))
        {
            var exported = new ExportedFeedback(
                item.Reference,
                WireName<FeedbackKind>.Of(item.Kind),
                item.ServiceId,
                item.ServiceName,
                WireName<FftRating>.Of(item.FftRating),
                includePii ? item.WhatWasGood : RedactedText.WhatWasGood(item),
                includePii ? item.WhatCouldImprove : RedactedText.WhatCouldImprove(item),
                item.ExperienceMonth?.ToString(),
                WireName<CollectionMode>.Of(item.CollectionMode),
                item.SubmittedAt,
                WireName<TriageStatus>.Of(item.Status),
                WireName<AnalysisState>.Of(item.AnalysisState),
                item.Analysis is null ? null : item.Analysis with { RedactedWhatWasGood = null, RedactedWhatCouldImprove = null });
            await output.WriteLineAsync(JsonSerializer.Serialize(exported, Json));
            count++;
        }

        if (file is not null)
        {
            console.WriteLine($"export: {count:N0} items written to {path}{(includePii ? " (with personal information)" : "")}");
        }

        return 0;
    }

    private sealed record ExportedFeedback(
        string Reference,
        string Kind,
        string Service,
        string ServiceName,
        string FftRating,
        string? WhatWasGood,
        string? WhatCouldImprove,
        string? Month,
        string CollectionMode,
        DateTimeOffset SubmittedAt,
        string Status,
        string AnalysisState,
        FeedbackAnalysis? Analysis);
}
