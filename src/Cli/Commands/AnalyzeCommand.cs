using System.Text.Json;
using CsvHelper;
using QualityVoice.Analysis;
using QualityVoice.Analysis.Local;

namespace QualityVoice.Cli.Commands;

/// <summary>
/// <c>./qv analyze</c>: analyses a CSV of comments (a provider's FFT export, say) with the local analyzer and
/// writes one JSON object per row, in input order. It streams, so memory stays flat however long the file is.
/// </summary>
internal static class AnalyzeCommand
{
    public static int Run(CommandLine line, ThemeTaxonomy taxonomy, TextWriter output)
    {
        line.OnlyAllow("input", "text-column", "id-column", "question-column", "output");
        var input = line.Required("input");
        if (!File.Exists(input))
        {
            throw new UsageException($"There is no file at {input}.");
        }

        using var csv = CsvReader.FromFile(input, new CsvReaderOptions { HasHeader = true });
        var headers = csv.Headers.ToArray();
        int Column(string option)
        {
            var name = line.Required(option);
            var index = Array.IndexOf(headers, name);
            return index >= 0 ? index : throw new UsageException($"--{option} '{name}' is not a column of {input}; its columns are: {string.Join(", ", headers)}.");
        }

        var textColumn = Column("text-column");
        var idColumn = Column("id-column");
        var questionColumn = line.Optional("question-column") is null ? -1 : Column("question-column");
        var analyzer = new LocalTextAnalyzer(LocalModel.Shipped);

        using var file = new FileStream(line.Required("output"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var rows = 0L;
        while (csv.Read())
        {
            var text = textColumn < csv.FieldCount ? csv.GetString(textColumn) : string.Empty;
            var question = questionColumn >= 0 && questionColumn < csv.FieldCount ? QuestionKinds.Classify(csv.GetString(questionColumn)) : QuestionKind.Unknown;
            var analysis = analyzer.Analyze(new TextToAnalyse(text, question));
            Write(json, idColumn < csv.FieldCount ? csv.GetString(idColumn) : string.Empty, analysis, taxonomy);
            json.Flush();
            file.WriteByte((byte)'\n');
            json.Reset();
            rows++;
        }

        output.WriteLine($"analyze: {rows:N0} rows written to {line.Required("output")}");
        return 0;
    }

    private static void Write(Utf8JsonWriter json, string id, TextAnalysis analysis, ThemeTaxonomy taxonomy)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("sentiment", analysis.Sentiment.ToString().ToLowerInvariant());
        json.WriteNumber("sentimentScore", analysis.SentimentScore);
        json.WriteStartArray("themes");
        foreach (var theme in analysis.Themes)
        {
            json.WriteStartObject();
            json.WriteString("name", theme.Name);
            json.WriteNumber("confidence", theme.Confidence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("strategicThemes");
        foreach (var strategic in taxonomy.StrategicThemesOf(analysis.Themes.Select(theme => theme.Name)))
        {
            json.WriteStringValue(strategic);
        }

        json.WriteEndArray();
        json.WriteString("redactedText", analysis.RedactedText);
        json.WriteStartArray("pii");
        foreach (var span in analysis.Pii)
        {
            json.WriteStartObject();
            json.WriteString("type", span.Type);
            json.WriteNumber("start", span.Start);
            json.WriteNumber("length", span.Length);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("urgent", analysis.Urgent);
        json.WriteStartArray("urgentReasons");
        foreach (var reason in analysis.UrgentReasons)
        {
            json.WriteStringValue(reason);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
