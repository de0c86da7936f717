using System.Security.Cryptography;
using System.Text;
using CsvHelper;

namespace QualityVoice.Analysis.Urgency;

/// <summary>
/// The labelled urgency set (data/urgency/urgency-set.csv): comments written for the purpose, urgent ones for every
/// reason (said plainly and not), and calm ones, many using alarming words in ordinary ways. A quarter of each group
/// is held aside (<c>split</c> = <c>test</c>) to measure the model on comments it never saw.
/// </summary>
public sealed class UrgencySet
{
    private UrgencySet(IReadOnlyList<UrgencyExample> examples, string dataHash) => (Examples, DataHash) = (examples, dataHash);

    /// <summary>Every example.</summary>
    public IReadOnlyList<UrgencyExample> Examples { get; }

    /// <summary>The SHA-256 of the file (or files) it was read from, recorded with the model trained on it.</summary>
    public string DataHash { get; }

    /// <summary>How many of the examples are staff's verdicts (<see cref="UrgencyExample.IsStaffVerdict"/>).</summary>
    public int StaffVerdicts => Examples.Count(example => example.IsStaffVerdict);

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
            : throw new InvalidDataException($"{path} has no '{name}' column.");
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

        return new UrgencySet(examples, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
    }

    /// <summary>
    /// This set with staff's verdicts added to the training part (the back office's urgency training download, in the
    /// same columns). They are for learning only: the held-aside part stays as written, so its figures still compare.
    /// </summary>
    public UrgencySet With(UrgencySet verdicts)
    {
        if (verdicts.Examples.FirstOrDefault(example => example.HeldAside || !example.IsStaffVerdict) is { } odd)
        {
            throw new InvalidDataException(
                $"'{odd.Id}' is not a staff verdict for training (kind staff-marked, staff-confirmed or staff-cleared, split train): the labelled set itself is data/urgency/urgency-set.csv.");
        }

        return new UrgencySet([.. Examples, .. verdicts.Examples], Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DataHash + verdicts.DataHash))));
    }
}

/// <summary>One labelled comment of the urgency set.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Text">The comment.</param>
/// <param name="Urgent">Whether a person must read it today.</param>
/// <param name="Reason">Why, when it is urgent.</param>
/// <param name="Kind">
/// <c>urgent</c>, <c>alarming-words</c> (calm, with alarming words used in ordinary ways), <c>ordinary</c>, <c>real</c>
/// (from the public data), or a staff verdict: <c>staff-marked</c>, <c>staff-confirmed</c>, <c>staff-cleared</c>.
/// </param>
/// <param name="HeldAside">Whether it is held aside for measuring.</param>
public sealed record UrgencyExample(string Id, string Text, bool Urgent, string? Reason, string Kind, bool HeldAside)
{
    /// <summary>The prefix of the kinds of staff's verdicts on the ICB's own feedback.</summary>
    public const string StaffVerdictPrefix = "staff-";

    /// <summary>
    /// Whether it is a member of staff's verdict on a real item (marked urgent, confirmed, or read and found no risk in):
    /// learnt from, never kept in the model as an example to show beside other comments.
    /// </summary>
    public bool IsStaffVerdict => Kind.StartsWith(StaffVerdictPrefix, StringComparison.Ordinal);
}
