using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using QualityVoice.Web.Downloads;

namespace QualityVoice.BackOffice.Features.Exports;

/// <summary>
/// Writes a table as an Excel workbook (Open XML, streamed row by row), with text that a spreadsheet would run
/// as a formula defused as in <see cref="CsvTable"/>.
/// </summary>
public static class ExcelTable
{
    /// <summary>Writes rows as a one-sheet Excel workbook.</summary>
    public static async Task WriteAsync(Stream destination, string sheetName, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken)
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

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<string?> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            // Inline strings, so no shared-string table has to be held in memory; every cell is text.
            writer.WriteElement(new Cell(new InlineString(new Text(CsvTable.Defuse(cell)) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString });
        }

        writer.WriteEndElement();
    }
}
