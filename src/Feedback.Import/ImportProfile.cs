using System.Text.Json.Serialization;

namespace QualityVoice.Feedback.Import;

/// <summary>
/// A provider's file described for import: which of its columns holds what, how it writes dates, and what to do with a
/// service the content pack does not list. Written as JSON (import-profiles/*.json; docs/import.md says how).
/// </summary>
public sealed record ImportProfile
{
    /// <summary>The date formats tried when a profile names none.</summary>
    public static readonly IReadOnlyList<string> DefaultDateFormats =
        ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "dd/MM/yyyy", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "d/M/yyyy"];

    /// <summary>Its name, as <c>--profile</c> gives it; also the default scope of its row ids.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>What files it is for.</summary>
    public string? Description { get; init; }

    /// <summary>Which column holds what.</summary>
    public ImportColumns Columns { get; init; } = new();

    /// <summary>How the file writes dates (.NET custom formats), tried in turn; a time, when given, is UK time.</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = DefaultDateFormats;

    /// <summary>Who gave the feedback: patients unless the file is a carers' survey.</summary>
    public FeedbackKind Kind { get; init; } = FeedbackKind.Patient;

    /// <summary>How every row was collected, when the file has no column for it.</summary>
    public CollectionMode CollectionMode { get; init; } = CollectionMode.Other;

    /// <summary>A service the pack does not list: the row is rejected (the default), or kept as "other" under the file's name.</summary>
    public UnlistedServices UnlistedServices { get; init; } = UnlistedServices.Reject;

    /// <summary>The file's names for services (or "organisation / service"), each to a service id of the content pack.</summary>
    public IReadOnlyDictionary<string, string> Services { get; init; } = new Dictionary<string, string>();

    /// <summary>The character between fields: a comma unless the file says otherwise.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>What is missing or contradictory; empty when the profile can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("'name' is required.");
        }

        void Required(string? column, string field)
        {
            if (string.IsNullOrWhiteSpace(column))
            {
                problems.Add($"'columns.{field}' is required: the column that holds {ImportColumns.Meaning(field)}.");
            }
        }

        Required(Columns.RowId, "rowId");
        Required(Columns.Date, "date");
        Required(Columns.Service, "service");
        Required(Columns.FftAnswer, "fftAnswer");
        if (Columns.Comment is not null && (Columns.WhatWasGood is not null || Columns.WhatCouldImprove is not null))
        {
            problems.Add("Give either 'columns.comment' (one comment a row, with 'columns.question') or 'columns.whatWasGood' and 'columns.whatCouldImprove', not both.");
        }

        if (Columns.Question is not null && Columns.Comment is null)
        {
            problems.Add("'columns.question' goes with 'columns.comment': the question that comment answers.");
        }

        if (DateFormats.Count == 0)
        {
            problems.Add("'dateFormats' needs at least one format, such as \"dd/MM/yyyy\".");
        }

        return problems;
    }
}

/// <summary>The columns of a provider's file, by their headings.</summary>
public sealed record ImportColumns
{
    /// <summary>The supplier's own id for the row: what makes importing a file again import nothing twice. Required.</summary>
    public string? RowId { get; init; }

    /// <summary>When the answer was given. Required.</summary>
    public string? Date { get; init; }

    /// <summary>The organisation: its ODS code, id or name in the content pack.</summary>
    public string? Organisation { get; init; }

    /// <summary>The service: its id or name in the content pack, or a name the profile's <c>services</c> maps. Required.</summary>
    public string? Service { get; init; }

    /// <summary>The answer to the Friends and Family Test question, in any of its wordings or 1–6. Required.</summary>
    public string? FftAnswer { get; init; }

    /// <summary>The answer to "What was good?".</summary>
    public string? WhatWasGood { get; init; }

    /// <summary>The answer to "What could we do better?".</summary>
    public string? WhatCouldImprove { get; init; }

    /// <summary>One free-text comment a row, for files that have one, with <see cref="Question"/>.</summary>
    public string? Comment { get; init; }

    /// <summary>The question <see cref="Comment"/> answers, which says whether it is praise or something to improve.</summary>
    public string? Question { get; init; }

    /// <summary>How the answer was collected (SMS, kiosk, paper, telephone, online, other).</summary>
    public string? CollectionMode { get; init; }

    /// <summary>What a field holds, in words, for messages.</summary>
    internal static string Meaning(string field) => field switch
    {
        "rowId" => "the supplier's id for each row",
        "date" => "the date of each answer",
        "service" => "the service",
        "fftAnswer" => "the Friends and Family Test answer",
        _ => field,
    };
}

/// <summary>What happens to a row whose service the content pack does not list.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnlistedServices>))]
public enum UnlistedServices
{
    /// <summary>The row is rejected, and the report says which service was unknown.</summary>
    [JsonStringEnumMemberName("reject")]
    Reject,

    /// <summary>The row is kept under "other", named as the file names it (as the form's "Other" is).</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
