using System.Text;

namespace QualityVoice.Web.Downloads;

/// <summary>
/// Writes a table as CSV: RFC 4180 quoting, UTF-8 with a byte-order mark so that Excel reads it as UTF-8, and
/// text that a spreadsheet would run as a formula defused.
/// </summary>
public static class CsvTable
{
    /// <summary>Writes the header and the rows.</summary>
    public static async Task WriteAsync(Stream destination, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        await writer.WriteAsync(Line(headers));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(row));
        }
    }

    /// <summary>
    /// Text that starts with = + - @ (or a tab or carriage return) would run as a formula when the file is opened
    /// in a spreadsheet; a leading apostrophe keeps it as text (OWASP's advice on CSV injection).
    /// </summary>
    public static string Defuse(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text ?? string.Empty;

    private static string Line(IReadOnlyList<string?> cells)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            var cell = Defuse(cells[i]);
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                line.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(cell);
            }
        }

        return line.Append("\r\n").ToString();
    }
}
