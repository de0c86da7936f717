using System.Text.Json;
using CsvHelper;
using QualityVoice.Analysis;
using QualityVoice.Analysis.Embeddings;
using QualityVoice.Analysis.Local;
using QualityVoice.Analysis.Training;
using QualityVoice.Feedback;

namespace QualityVoice.Cli.Commands;

/// <summary>
/// <c>./qv analyze</c>: analyses a CSV of comments (a provider's FFT export, say) with the local analyzer and
/// writes one JSON object per row, in input order. It streams, so memory stays flat however long the file is. The
/// question each comment answers, and the FFT answer given with it, are read from their columns when named, or from
/// the NHS data set's "FFT question" and "FFT categorical answer" when the file has them.
/// </summary>
internal static class AnalyzeCommand
{
    // Large batches: the encoder sorts each by length, so larger ones waste less work on padding.
    private const int Batch = 2048;

    public static async Task<int> RunAsync(CommandLine line, ThemeTaxonomy taxonomy, TextWriter output, CancellationToken cancellationToken)
    {
        line.OnlyAllow("input", "text-column", "id-column", "question-column", "fft-column", "output", "model");
        var input = line.Required("input");
        if (!File.Exists(input))
        {
            throw new UsageException($"There is no file at {input}.");
        }

        ITextAnalyzer analyzer = line.Optional("model") switch
        {
            null or "embedding" => new EmbeddingTextAnalyzer(SentenceEncoder.Shared(), EmbeddingModels.Themes, EmbeddingModels.Urgency),
            "fast" => new LocalTextAnalyzer(LocalModel.Shipped),
            var other => throw new UsageException($"--model is fast or embedding, not '{other}'."),
        };

        var total = CountRows(input);
        using var csv = CsvReader.FromFile(input, new CsvReaderOptions { HasHeader = true });
        var headers = csv.Headers.ToArray();
        if (headers.Length == 0)
        {
            throw new UsageException($"{input} is empty: its first line must name its columns.");
        }

        int Column(string option)
        {
            var name = line.Required(option);
            var index = Array.IndexOf(headers, name);
            return index >= 0 ? index : throw new UsageException($"--{option} '{name}' is not a column of {input}; its columns are: {string.Join(", ", headers)}.");
        }

        var textColumn = Column("text-column");
        var idColumn = Column("id-column");
        // Unnamed, the question and the FFT answer are read from the NHS data set's own columns when the file has them.
        int Known(string option, string name) => line.Optional(option) is null ? Array.IndexOf(headers, name) : Column(option);
        var questionColumn = Known("question-column", TrainingSet.QuestionColumn);
        var fftColumn = Known("fft-column", TrainingSet.FftColumn);

        using var file = new FileStream(line.Required("output"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var rows = 0L;
        await CommandProgress.RunAsync("analyze", total, async advance =>
        {
            var ids = new List<string>(Batch);
            var texts = new List<TextToAnalyse>(Batch);
            async Task FlushAsync()
            {
                var analyses = await analyzer.AnalyzeAsync(texts, cancellationToken);
                for (var i = 0; i < analyses.Count; i++)
                {
                    Write(json, ids[i], analyses[i], taxonomy);
                    json.Flush();
                    file.WriteByte((byte)'\n');
                    json.Reset();
                }

                rows += texts.Count;
                advance(texts.Count);
                ids.Clear();
                texts.Clear();
            }

            while (csv.Read())
            {
                var question = questionColumn >= 0 && questionColumn < csv.FieldCount ? QuestionKinds.Classify(csv.GetString(questionColumn)) : QuestionKind.Unknown;
                ids.Add(idColumn < csv.FieldCount ? csv.GetString(idColumn) : string.Empty);
                var fft = fftColumn >= 0 && fftColumn < csv.FieldCount && FftRatingText.TryParse(csv.GetString(fftColumn), out var rating) ? rating.ForAnalysis() : FftAnswer.Unknown;
                texts.Add(new TextToAnalyse(textColumn < csv.FieldCount ? csv.GetString(textColumn) : string.Empty, question, fft));
                if (texts.Count == Batch)
                {
                    await FlushAsync();
                }
            }

            if (texts.Count > 0)
            {
                await FlushAsync();
            }
        });

        var read = new[] { ("the question", questionColumn), ("the FFT answer", fftColumn) }.Where(pair => pair.Item2 >= 0).Select(pair => $"{pair.Item1} from '{headers[pair.Item2]}'").ToArray();
        output.WriteLine(
            $"analyze: {rows:N0} rows written to {line.Required("output")} ({analyzer.Name} analyzer, model {analyzer.ModelVersion}; "
            + (read.Length == 0 ? "text alone: name the question and the FFT answer with --question-column and --fft-column" : string.Join(", ", read)) + ")");
        return 0;
    }

    /// <summary>The rows in the file, for the progress bar (a quick pass: the analysis is the slow part).</summary>
    private static long CountRows(string input)
    {
        using var csv = CsvReader.FromFile(input, new CsvReaderOptions { HasHeader = true });
        var rows = 0L;
        while (csv.Read())
        {
            rows++;
        }

        return rows;
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
            json.WriteString("sentiment", analysis.SentimentAbout(theme.Name).ToString().ToLowerInvariant());
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
        json.WriteStartArray("urgencyEvidence");
        foreach (var signal in analysis.UrgencySignals ?? [])
        {
            json.WriteStartObject();
            json.WriteString("reason", signal.Reason);
            json.WriteString("source", signal.Source);
            json.WriteString("evidence", signal.Evidence);
            json.WriteNumber("strength", signal.Strength);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("needsReview", analysis.NeedsReview);
        json.WriteEndObject();
    }
}
