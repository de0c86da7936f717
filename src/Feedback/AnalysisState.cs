using System.Text.Json.Serialization;

namespace QualityVoice.Feedback;

/// <summary>Where an item is in analysis: the outbox written with the item and cleared by the worker.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnalysisState>))]
public enum AnalysisState
{
    /// <summary>Waiting for the worker (or claimed by it, under a lease).</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>Analysed.</summary>
    [JsonStringEnumMemberName("done")]
    Done,

    /// <summary>The analyzer failed five times; <c>./qv reanalyse</c> tries again. The item is still in the inbox.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
