using System.Globalization;
using System.Text.Json;
using QualityVoice.Analysis.Embeddings;
using QualityVoice.Analysis.Embeddings.FineTuning;
using QualityVoice.Analysis.Local;
using QualityVoice.Analysis.Training;
using QualityVoice.Analysis.Urgency;

namespace QualityVoice.Cli.Commands;

/// <summary>
/// <c>./qv train</c>: fits the analyzer's models and writes each with its report under the repository: the fast model
/// (TF-IDF, <c>--model fast</c>), the default embedding model (TF-IDF and MiniLM embeddings) and the urgency model
/// (from data/urgency). <c>--with-corrections FILE</c> adds staff corrections to the labelled comments, and the report
/// says how many: the back office's training download (themes and sentiment) for the fast or embedding model, its
/// urgency training download (items staff marked urgent, and urgent ones they read and confirmed or found no risk in)
/// for the urgency model.
/// </summary>
internal static class TrainCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static int Run(CommandLine line, TextWriter output)
    {
        line.OnlyAllow("input", "urgency-set", "repository", "model", "with-corrections");
        var input = Existing(line.Required("input"));
        var repository = line.Optional("repository") ?? ".";
        var which = line.Optional("model") ?? "all";
        if (which is not ("all" or "fast" or "embedding" or "urgency"))
        {
            throw new UsageException("--model is fast, embedding, urgency or all.");
        }

        // One download a run: the training download (themes and sentiment) for the fast and embedding models, or, with
        // --model urgency, the urgency training download.
        var download = line.Optional("with-corrections") is { } path ? Existing(path) : null;
        var (corrections, verdicts) = which is "urgency" ? (null, download) : (download, (string?)null);

        var options = new TrainingOptions();
        if (which is "all" or "fast")
        {
            var (model, report) = ModelTrainer.Train(input, options, output, embedder: null, corrections);
            Save(model.Save, Path.Combine(repository, LocalModel.ShippedPath), output, model.Version);
            WriteReport(Path.Combine(repository, "docs/model-report.json"), model, report);
            Summarise(report, output);
        }

        if (which is "all" or "embedding" or "urgency")
        {
            var files = MiniLmFiles.Read();
            var adapterPath = Path.Combine(repository, EmbeddingModels.AdapterPath);
            if (which is "all" or "embedding")
            {
                // The encoder is fine-tuned first (an adapter for each fold and one for all), then the heads learn from each
                // comment's embedding by the adapter that did not see it: the folds are the ones ModelTrainer cross-validates
                // with (the same comments, in the same order, the same seed).
                var set = corrections is null ? TrainingSet.Load(input) : TrainingSet.Load(input).With(TrainingSet.Load(corrections));
                var folds = GroupedFolds.Assign(set.Comments.Select(comment => comment.Text).ToArray(), options.Folds, options.Seed);
                var adapters = EncoderFineTuning.Run(files, set, folds, repository, output);
                Save(adapters.Final.Save, adapterPath, output, adapters.Final.Version);
                var crossFitted = new CrossFittedEmbedder(files, adapters, set.Comments.Select(comment => comment.Text).ToArray(), folds);
                var (model, report) = ModelTrainer.Train(input, options with { EmbeddingWeight = 1.0 }, output, crossFitted, corrections);
                Save(model.Save, Path.Combine(repository, EmbeddingModels.ThemesPath), output, model.Version);
                WriteReport(Path.Combine(repository, "docs/embedding-model-report.json"), model, report);
                Summarise(report, output);
            }

            if (which is "all" or "urgency")
            {
                // The urgency model reads the embeddings of the encoder that ships: the adapter just fitted, or the one in the repository.
                using var encoder = new SentenceEncoder(files, LoadAdapter(adapterPath));
                var setPath = Existing(line.Optional("urgency-set") ?? Path.Combine(repository, "data/urgency/urgency-set.csv"));
                var set = verdicts is null ? UrgencySet.Load(setPath) : WithVerdicts(UrgencySet.Load(setPath), verdicts);
                var (model, report) = UrgencyTrainer.Train(set, encoder, new UrgencyTrainingOptions(), output);
                Save(model.Save, Path.Combine(repository, EmbeddingModels.UrgencyPath), output, model.Version);
                WriteText(
                    Path.Combine(repository, "docs/urgency-report.json"),
                    JsonSerializer.Serialize(new { model = model.Version, trainingData = model.TrainingDataHash, staffVerdicts = set.StaffVerdicts, report }, Json) + "\n");
            }
        }

        return 0;
    }

    /// <summary>The encoder adapter at <paramref name="path"/>, or none (the embedding model as published) when there is none.</summary>
    private static EncoderAdapter? LoadAdapter(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var file = File.OpenRead(path);
        return EncoderAdapter.Load(file);
    }

    /// <summary>The set with staff's urgency verdicts added; a file that is not the urgency training download is a usage error.</summary>
    private static UrgencySet WithVerdicts(UrgencySet set, string path)
    {
        try
        {
            return set.With(UrgencySet.Load(path));
        }
        catch (InvalidDataException invalid)
        {
            throw new UsageException($"--with-corrections with --model urgency takes the back office's urgency training download. {invalid.Message}");
        }
    }

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new UsageException($"There is no file at {path}.");

    private static void Save(Action<Stream> save, string path, TextWriter output, string version)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var file = File.Create(path))
        {
            save(file);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train: model {version} written to {path} ({new FileInfo(path).Length / 1024:N0} KiB)"));
    }

    private static void WriteReport(string path, LocalModel model, TrainingReport report) =>
        WriteText(path, JsonSerializer.Serialize(new { model = model.Version, trainingData = model.TrainingDataHash, embedding = model.Embedding, report }, Json) + "\n");

    private static void WriteText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
    }

    private static void Summarise(TrainingReport report, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train: themes micro-F1 {report.MicroF1:F3}, macro-F1 {report.MacroF1:F3} (per fold: {report.FoldMacroF1:F3}); sentiment accuracy {report.SentimentAccuracy:F3} (text alone)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train: themes micro-F1 {report.MicroF1WithQuestion:F3}, macro-F1 {report.MacroF1WithQuestion:F3} (per fold: {report.FoldMacroF1WithQuestion:F3}); sentiment accuracy {report.SentimentAccuracyWithQuestion:F3} (with the question and the FFT answer)"));
        if (report.WithQuestionWithoutFft is { } withoutFft)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train: themes micro-F1 {withoutFft.MicroF1:F3} (per fold macro-F1: {withoutFft.FoldMacroF1:F3}); sentiment accuracy {withoutFft.SentimentAccuracy:F3} (with the question, without the FFT answer)"));
        }
    }
}
