using System.Globalization;
using System.Text.Json;
using QualityVoice.Analysis.Training;

namespace QualityVoice.Cli.Commands;

/// <summary>
/// <c>./qv train</c>: trains the local model from the labelled training file, reproducibly, and writes the model
/// (shipped in the Analysis assembly) and its cross-validated figures (for the model card).
/// </summary>
internal static class TrainCommand
{
    public static int Run(CommandLine line, TextWriter output)
    {
        line.OnlyAllow("input", "output", "report");
        var input = line.Required("input");
        var modelPath = line.Required("output");
        var reportPath = line.Optional("report");
        if (!File.Exists(input))
        {
            throw new UsageException($"There is no training file at {input}.");
        }

        var (model, report) = ModelTrainer.Train(input, new TrainingOptions(), output);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelPath))!);
        using (var file = File.Create(modelPath))
        {
            model.Save(file);
        }

        if (reportPath is not null)
        {
            File.WriteAllText(reportPath, JsonSerializer.Serialize(new { model = model.Version, trainingData = model.TrainingDataHash, report }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }) + "\n");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train: model {model.Version} written to {modelPath} ({new FileInfo(modelPath).Length / 1024:N0} KiB)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train: themes micro-F1 {report.MicroF1:F3}, macro-F1 {report.MacroF1:F3}; sentiment accuracy {report.SentimentAccuracy:F3} (text alone)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train: themes micro-F1 {report.MicroF1WithQuestion:F3}, macro-F1 {report.MacroF1WithQuestion:F3}; sentiment accuracy {report.SentimentAccuracyWithQuestion:F3} (with the question)"));
        return 0;
    }
}
