using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace QualityVoice.Feedback.Insight;

/// <summary>Which report a kept copy is of.</summary>
public enum KeptReportKind
{
    /// <summary>The weekly insights pack for one week.</summary>
    [JsonStringEnumMemberName("weekly-pack")]
    WeeklyPack,

    /// <summary>A service quality report for one service and months.</summary>
    [JsonStringEnumMemberName("service-report")]
    ServiceReport,
}

/// <summary>
/// A report kept as it was generated, for the record of a meeting or a board paper: its figures are those read when it
/// was made, never read again, so a later correction or late feedback does not change what people were shown.
/// </summary>
/// <param name="Id">Its id: random when someone asked for it, <see cref="ScheduledId"/> when the schedule made it.</param>
/// <param name="Kind">Which report.</param>
/// <param name="Title">What it is of, such as "Weekly insights pack, week starting 23 November 2026".</param>
/// <param name="GeneratedAt">When its figures were read.</param>
/// <param name="GeneratedBy">Who asked for it, or <see cref="Schedule"/>.</param>
/// <param name="Figures">The report's figures as the back office renders them (JSON).</param>
public sealed record KeptReport(string Id, KeptReportKind Kind, string Title, DateTimeOffset GeneratedAt, string GeneratedBy, string Figures)
{
    /// <summary>Who generated a report the schedule made.</summary>
    public const string Schedule = "the schedule";

    /// <summary>The report without its figures, for lists.</summary>
    public KeptReportSummary Summary => new(Id, Kind, Title, GeneratedAt, GeneratedBy);

    /// <summary>What a kept report's figures say in place of an erased item's reference.</summary>
    public const string ErasedReference = "erased";

    /// <summary>
    /// The figures with an erased item taken out, or null when they never mentioned it: a comment of theirs quoted
    /// (an object with its reference and text) goes; anything else of theirs (an urgent item's outcome) stays, counted
    /// as before, with <see cref="ErasedReference"/> in place of the reference.
    /// </summary>
    public string? WithoutReference(string reference)
    {
        if (!Figures.Contains(reference, StringComparison.Ordinal) || JsonNode.Parse(Figures) is not { } figures)
        {
            return null;
        }

        return Scrub(figures, reference) ? figures.ToJsonString() : null;
    }

    private static bool Scrub(JsonNode node, string reference)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject fields:
                foreach (var (name, value) in fields.ToArray())
                {
                    if (IsQuoteOf(value, reference))
                    {
                        fields[name] = null;
                        changed = true;
                    }
                    else if (value is not null)
                    {
                        changed |= Scrub(value, reference);
                    }
                }

                if (ReferenceField(fields, reference) is { } field)
                {
                    fields[field] = ErasedReference;
                    changed = true;
                }

                break;
            case JsonArray items:
                for (var i = items.Count - 1; i >= 0; i--)
                {
                    if (IsQuoteOf(items[i], reference))
                    {
                        items.RemoveAt(i);
                        changed = true;
                    }
                    else if (items[i] is { } item)
                    {
                        changed |= Scrub(item, reference);
                    }
                }

                break;
        }

        return changed;
    }

    /// <summary>Whether a node is a comment of theirs quoted: an object with their reference and a text.</summary>
    private static bool IsQuoteOf(JsonNode? node, string reference) =>
        node is JsonObject fields && ReferenceField(fields, reference) is not null && fields.Any(field => field.Key.Equals("text", StringComparison.OrdinalIgnoreCase));

    /// <summary>The name of an object's field that holds <paramref name="reference"/>, or null.</summary>
    private static string? ReferenceField(JsonObject fields, string reference) =>
        fields.FirstOrDefault(field => field.Key.Equals("reference", StringComparison.OrdinalIgnoreCase)
            && field.Value is JsonValue value && value.TryGetValue<string>(out var text) && text == reference).Key;

    /// <summary>
    /// The id of the report the schedule makes for a subject and period: the same on every instance, so that two
    /// instances that make it at once keep it once.
    /// </summary>
    public static string ScheduledId(KeptReportKind kind, string subjectAndPeriod) =>
        $"scheduled-{WireName<KeptReportKind>.Of(kind)}-{subjectAndPeriod}";
}

/// <summary>A kept report without its figures.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Kind">Which report.</param>
/// <param name="Title">What it is of.</param>
/// <param name="GeneratedAt">When its figures were read.</param>
/// <param name="GeneratedBy">Who asked for it.</param>
public sealed record KeptReportSummary(string Id, KeptReportKind Kind, string Title, DateTimeOffset GeneratedAt, string GeneratedBy);

/// <summary>Where kept reports are.</summary>
public interface IKeptReports
{
    /// <summary>Keeps a report; false when one with its id is kept already (the schedule's, made by another instance).</summary>
    Task<bool> AddAsync(KeptReport report, CancellationToken cancellationToken);

    /// <summary>Every kept report without its figures, the latest first.</summary>
    Task<IReadOnlyList<KeptReportSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Replaces a kept report's figures: only to take out an item erased at the person's request.</summary>
    Task ReplaceFiguresAsync(string id, string figures, CancellationToken cancellationToken);

    /// <summary>A kept report with its figures, or null.</summary>
    Task<KeptReport?> FindAsync(string id, CancellationToken cancellationToken);
}
