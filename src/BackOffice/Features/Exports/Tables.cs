using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace QualityVoice.BackOffice.Features.Exports;

/// <summary>
/// Writes a table as CSV (RFC 4180, UTF-8 with a byte-order mark so Excel reads it as UTF-8) or as an Excel
/// workbook (Open XML, streamed row by row). Text that a spreadsheet would run as a formula is defused.
/// </summary>
public static class Tables
{
    /// <summary>Writes rows as CSV.</summary>
    public static async Task WriteCsvAsync(Stream destination, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        await writer.WriteAsync(Line(headers));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(row));
        }
    }

    /// <summary>Writes rows as a one-sheet Excel workbook.</summary>
    public static async Task WriteXlsxAsync(Stream destination, string sheetName, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken)
    {
        // The package is a zip, which needs a seekable stream: build it in a temporary file, then send it.
        var path = Path.GetTempFileName();
        try
        {
            using (var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
            {
                var workbook = document.AddWorkbookPart();
                var sheet = workbook.AddNewPart<WorksheetPart>();
                using (var writer = OpenXmlWriter.Create(sheet))
                {
                    writer.WriteStartElement(new Worksheet());
                    writer.WriteStartElement(new SheetData());
                    WriteRow(writer, headers);
                    await foreach (var row in rows.WithCancellation(cancellationToken))
                    {
                        WriteRow(writer, row);
                    }

                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }

                workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
                workbook.Workbook.Save();
            }

            await using var file = File.OpenRead(path);
            await file.CopyToAsync(destination, cancellationToken);
        }
        finally
        {
            File.Delete(path);
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

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<string?> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            // Inline strings, so no shared-string table has to be held in memory; every cell is text.
            writer.WriteElement(new Cell(new InlineString(new Text(Defuse(cell)) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString });
        }

        writer.WriteEndElement();
    }
}
