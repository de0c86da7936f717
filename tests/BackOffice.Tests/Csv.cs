using System.Text;

namespace QualityVoice.BackOffice.Tests;

/// <summary>Reads a CSV download as a spreadsheet would (RFC 4180 quoting): each row a column name → cell dictionary.</summary>
internal static class Csv
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string text)
    {
        var records = Records(text.TrimStart('\uFEFF')).ToList();
        var header = records[0];
        return records.Skip(1).Select(record => (IReadOnlyDictionary<string, string>)header.Select((name, i) => (name, value: i < record.Count ? record[i] : string.Empty))
            .ToDictionary(cell => cell.name, cell => cell.value)).ToArray();
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                i += c == '\r' ? 1 : 0;
                record.Add(field.ToString());
                field.Clear();
                yield return record;
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
