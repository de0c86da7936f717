using CsvHelper;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Import;

/// <summary>
/// Reads a quality team's file of other intelligence: CSV with the headings <c>service,month,channel,subject,count</c>
/// (in any order; <c>subject</c> may be left out or empty for a channel's total). A file is taken whole or not at all:
/// any row that cannot be used is reported with its line, and nothing is saved until the file is right.
/// </summary>
public static class OtherIntelligenceFile
{
    /// <summary>The headings a file must have.</summary>
    public static readonly string[] Headings = ["service", "month", "channel", "subject", "count"];

    /// <summary>The most rows a file may have.</summary>
    public const int MaxRows = 10_000;

    /// <summary>The problems listed at most, so that a file of the wrong kind does not list ten thousand.</summary>
    public const int MaxProblems = 20;

    /// <summary>The file's counts, or the problems that stop it being used.</summary>
    public static (IReadOnlyList<IntelligenceCount> Counts, IReadOnlyList<string> Problems) Read(
        Stream input, Func<string, bool> isService, string uploadedBy, DateTimeOffset uploadedAt)
    {
        var problems = new List<string>();
        var counts = new List<IntelligenceCount>();
        var keys = new HashSet<(string, YearMonth, IntelligenceChannel, string)>();
        using var csv = CsvReader.Create(input, new CsvReaderOptions { HasHeader = true }, leaveOpen: true);
        string[] header;
        try
        {
            header = [.. csv.Headers.Select(heading => heading.Trim().ToLowerInvariant())];
        }
        catch (CsvFormatException)
        {
            return ([], ["The file's first line cannot be read as CSV headings."]);
        }

        var missing = Headings.Where(heading => heading != "subject" && !header.Contains(heading)).ToArray();
        if (missing.Length > 0)
        {
            return ([], [$"The first line must be the headings {string.Join(",", Headings)}: {string.Join(", ", missing)} {(missing.Length == 1 ? "is" : "are")} missing."]);
        }

        int Column(string heading) => Array.IndexOf(header, heading);
        var (service, month, channel, subject, count) = (Column("service"), Column("month"), Column("channel"), Column("subject"), Column("count"));
        var line = 1;
        try
        {
            while (csv.Read())
            {
                line++;
                string Field(int column) => column >= 0 && column < csv.FieldCount ? csv.GetString(column).Trim() : string.Empty;
                if (line - 1 > MaxRows)
                {
                    problems.Add($"The file has more than {MaxRows:N0} rows: split it by month.");
                    break;
                }

                if (RowProblem(Field(service), Field(month), Field(channel), Field(subject), Field(count), isService, out var row) is { } problem)
                {
                    problems.Add($"Line {line}: {problem}");
                }
                else if (!keys.Add((row.ServiceId, row.Month, row.Channel, row.Subject.ToUpperInvariant())))
                {
                    problems.Add($"Line {line}: the same service, month, channel and subject is on an earlier line: give each once.");
                }
                else
                {
                    counts.Add(row with { UploadedBy = uploadedBy, UploadedAt = uploadedAt });
                }

                if (problems.Count >= MaxProblems)
                {
                    problems.Add("There may be more problems: fix these and upload the file again.");
                    break;
                }
            }
        }
        catch (CsvFormatException)
        {
            problems.Add($"Line {line + 1} cannot be read as CSV.");
        }

        if (problems.Count == 0 && counts.Count == 0)
        {
            problems.Add("The file has no rows under its headings.");
        }

        return problems.Count > 0 ? ([], problems) : (counts, []);
    }

    private static string? RowProblem(string service, string month, string channel, string subject, string count, Func<string, bool> isService, out IntelligenceCount row)
    {
        row = null!;
        if (!isService(service))
        {
            return service.Length == 0 ? "the service is missing." : $"'{Shorten(service)}' is not a service id in the content pack.";
        }

        if (!YearMonth.TryParse(month, out var yearMonth))
        {
            return $"the month must be written like 2026-09, not '{Shorten(month)}'.";
        }

        if (!WireName<IntelligenceChannel>.TryParse(channel.ToLowerInvariant(), out var parsed))
        {
            return $"the channel must be one of {string.Join(", ", WireName<IntelligenceChannel>.All.Select(pair => pair.Name))}, not '{Shorten(channel)}'.";
        }

        if (subject.Length > IntelligenceCount.SubjectMaxLength)
        {
            return $"the subject must be {IntelligenceCount.SubjectMaxLength} characters or fewer.";
        }

        if (!int.TryParse(count, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n > IntelligenceCount.MaxCount)
        {
            return $"the count must be a whole number from 0 to {IntelligenceCount.MaxCount:N0}, not '{Shorten(count)}'.";
        }

        row = new IntelligenceCount(service, yearMonth, parsed, subject, n, string.Empty, default);
        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
