using CsvHelper;

namespace QualityVoice.Analysis.Urgency;

/// <summary>
/// The labelled urgency set (data/urgency/urgency-set.csv): comments written for the purpose, urgent ones for every
/// reason (said plainly and not), and calm ones, many using alarming words in ordinary ways. A quarter of each group
/// is held aside (<c>split</c> = <c>test</c>) to measure the model on comments it never saw.
/// </summary>
public sealed class UrgencySet
{
    private UrgencySet(IReadOnlyList<UrgencyExample> examples) => Examples = examples;

    /// <summary>Every example.</summary>
    public IReadOnlyList<UrgencyExample> Examples { get; }

    /// <summary>The examples to learn from.</summary>
    public IReadOnlyList<UrgencyExample> Training => Examples.Where(example => !example.HeldAside).ToArray();

    /// <summary>The examples held aside to measure on.</summary>
    public IReadOnlyList<UrgencyExample> HeldAside => Examples.Where(example => example.HeldAside).ToArray();

    /// <summary>Reads the set (columns id, text, urgent, reason, kind, split).</summary>
    public static UrgencySet Load(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = true, Separator = ',' });
        var header = csv.Headers.ToArray();
        int Column(string name) => Array.IndexOf(header, name) is >= 0 and var index
            ? index
            : throw new InvalidDataException($"{path} needs a '{name}' column.");
        var (id, text, urgent, reason, kind, split) = (Column("id"), Column("text"), Column("urgent"), Column("reason"), Column("kind"), Column("split"));
        var examples = new List<UrgencyExample>();
        while (csv.Read())
        {
            var isUrgent = csv.GetString(urgent) == "1";
            var why = csv.GetString(reason);
            if (isUrgent && !UrgencyReasons.All.Contains(why))
            {
                throw new InvalidDataException($"{path}: '{why}' on {csv.GetString(id)} is not one of the urgency reasons.");
            }

            examples.Add(new UrgencyExample(csv.GetString(id), csv.GetString(text), isUrgent, isUrgent ? why : null, csv.GetString(kind), csv.GetString(split) == "test"));
        }

        return new UrgencySet(examples);
    }
}

/// <summary>One labelled comment of the urgency set.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Text">The comment.</param>
/// <param name="Urgent">Whether a person must read it today.</param>
/// <param name="Reason">Why, when it is urgent.</param>
/// <param name="Kind"><c>urgent</c>, <c>alarming-words</c> (calm, with alarming words used in ordinary ways) or <c>ordinary</c>.</param>
/// <param name="HeldAside">Whether it is held aside for measuring.</param>
public sealed record UrgencyExample(string Id, string Text, bool Urgent, string? Reason, string Kind, bool HeldAside);
