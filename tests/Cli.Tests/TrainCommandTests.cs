using System.Security.Cryptography;
using System.Text;
using QualityVoice.Analysis;
using QualityVoice.Analysis.Embeddings;
using QualityVoice.Analysis.Embeddings.FineTuning;
using QualityVoice.Analysis.Local;
using QualityVoice.Cli.Commands;
using QualityVoice.TestSupport;

namespace QualityVoice.Cli.Tests;

public sealed class TrainCommandTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_same_training_file_gives_the_same_model_byte_for_byte()
    {
        WriteTrainingFile(_folder.File("train.csv"));

        TrainCommand.Run(Line("--input", _folder.File("train.csv"), "--repository", _folder.File("a"), "--model", "fast"), TextWriter.Null);
        TrainCommand.Run(Line("--input", _folder.File("train.csv"), "--repository", _folder.File("b"), "--model", "fast"), TextWriter.Null);

        Assert.Equal(Hash("a/src/Analysis/Models/local-model.qvlm.br"), Hash("b/src/Analysis/Models/local-model.qvlm.br"));
        var report = File.ReadAllText(_folder.File("a/docs/model-report.json"));
        Assert.Contains("\"microF1\"", report, StringComparison.Ordinal);
        Assert.Contains("\"calibration\"", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trained_model_predicts_what_it_learned()
    {
        WriteTrainingFile(_folder.File("train.csv"));
        TrainCommand.Run(Line("--input", _folder.File("train.csv"), "--repository", _folder.Path, "--model", "fast"), TextWriter.Null);

        using var file = File.OpenRead(_folder.File("src/Analysis/Models/local-model.qvlm.br"));
        var model = LocalModel.Load(file);

        Assert.Equal("Parking", model.Predict(new TextToAnalyse("The parking was a nightmare again")).Themes[0].Name);
        Assert.StartsWith("local-", model.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sub_category_nobody_labelled_is_never_predicted()
    {
        WriteTrainingFile(_folder.File("train.csv"));
        TrainCommand.Run(Line("--input", _folder.File("train.csv"), "--repository", _folder.Path, "--model", "fast"), TextWriter.Null);

        using var file = File.OpenRead(_folder.File("src/Analysis/Models/local-model.qvlm.br"));
        var model = LocalModel.Load(file);

        Assert.Contains("Pain management", model.Labels);
        foreach (var text in new[] { "My pain was not managed at all", "", "zzz", "The parking was a nightmare", "Nothing" })
        {
            Assert.DoesNotContain(model.Predict(new TextToAnalyse(text)).Themes, theme => theme.Name == "Pain management");
        }
    }

    [Fact]
    public void Staff_corrections_are_added_to_the_labelled_comments_and_counted_in_the_report()
    {
        WriteTrainingFile(_folder.File("train.csv"));
        WriteTrainingFile(_folder.File("corrections.csv"), rows: 9);

        TrainCommand.Run(Line("--input", _folder.File("train.csv"), "--repository", _folder.Path, "--model", "fast", "--with-corrections", _folder.File("corrections.csv")), TextWriter.Null);

        Assert.Contains("\"corrections\": 9", File.ReadAllText(_folder.File("docs/model-report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_urgency_model_takes_the_urgency_training_download_and_says_what_else_it_was_given()
    {
        WriteTrainingFile(_folder.File("train.csv"));
        WriteTrainingFile(_folder.File("corrections.csv"), rows: 9);

        var error = Assert.Throws<UsageException>(() =>
            TrainCommand.Run(
                Line(
                    "--input", _folder.File("train.csv"), "--repository", _folder.Path, "--model", "urgency",
                    "--urgency-set", Path.Combine(Repository.Root, "data", "urgency", "urgency-set.csv"), "--with-corrections", _folder.File("corrections.csv")),
                TextWriter.Null));

        Assert.Contains("takes the back office's urgency training download", error.Message, StringComparison.Ordinal);
        Assert.Contains("'id' column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedding_model_fine_tunes_the_encoder_then_reads_its_embeddings_beside_the_terms()
    {
        // Fine-tuning runs eng/fine-tune/fine_tune.py (PyTorch, which ./qv test installs) from the repository.
        WriteTrainingFile(_folder.File("train.csv"));
        Directory.CreateDirectory(_folder.File("eng/fine-tune"));
        File.Copy(Path.Combine(Repository.Root, EncoderFineTuning.ScriptPath), _folder.File(EncoderFineTuning.ScriptPath));
        var progress = new StringWriter();

        TrainCommand.Run(Line("--input", _folder.File("train.csv"), "--repository", _folder.Path, "--model", "embedding"), progress);

        using var adapterFile = File.OpenRead(_folder.File(EmbeddingModels.AdapterPath));
        var adapter = EncoderAdapter.Load(adapterFile);
        using var file = File.OpenRead(_folder.File(EmbeddingModels.ThemesPath));
        var model = LocalModel.Load(file);
        Assert.Equal($"all-MiniLM-L6-v2+{adapter.Version}", model.Embedding!.Model);
        Assert.StartsWith("embedding-", model.Version, StringComparison.Ordinal);
        Assert.Contains("fine-tune: adapter-fold-4.qvea", progress.ToString(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => model.Predict(new TextToAnalyse("The parking was a nightmare again")));
    }

    [Theory]
    [InlineData(60, false)]
    [InlineData(300, true)]
    public void Macro_F1_as_the_target_counts_it_takes_the_sub_categories_with_ten_examples_in_each_fold(int rows, bool enough)
    {
        // 60 rows: 20 a sub-category, 4 in a fold, so none counts; 300 rows: about 20 in each fold, and easy to learn.
        WriteTrainingFile(_folder.File("train.csv"), rows);

        TrainCommand.Run(Line("--input", _folder.File("train.csv"), "--repository", _folder.Path, "--model", "fast"), TextWriter.Null);

        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_folder.File("docs/model-report.json")));
        var figures = report.RootElement.GetProperty("report");
        var perFold = figures.GetProperty("foldMacroF1").GetDouble();
        if (enough)
        {
            Assert.InRange(perFold, 0.9, 1.0);
        }
        else
        {
            Assert.Equal(0, perFold);
            Assert.True(figures.GetProperty("macroF1").GetDouble() > 0, "the whole file has 20 of each, so the stricter figure still counts them");
        }
    }

    [Fact]
    public void A_missing_training_file_is_a_usage_error()
    {
        Assert.Throws<UsageException>(() => TrainCommand.Run(Line("--input", _folder.File("none.csv"), "--repository", _folder.Path), TextWriter.Null));
    }

    private byte[] Hash(string path) => SHA256.HashData(File.ReadAllBytes(_folder.File(path)));

    private static CommandLine Line(params string[] args) => CommandLine.Parse(args, new HashSet<string>());

    // The training file's shape: eleven columns, then one per sub-category.
    private static void WriteTrainingFile(string path, int rows = 60)
    {
        var csv = new StringBuilder("Comment ID,Trust,Respondent ID,Date,Service type 1,Service type 2,FFT categorical answer,FFT question,FFT answer,Person identifiable info?,Comment sentiment,Parking,Food & drink provision & facilities,Staff manner & personal attributes,Pain management\n");
        string[] parking = ["parking", "car park", "nowhere to park", "parking was expensive", "the car park was full"];
        string[] food = ["food", "meals", "the dinner", "breakfast", "tea and toast"];
        string[] staff = ["staff", "the nurses", "the doctor", "reception", "the team"];
        for (var i = 0; i < rows; i++)
        {
            var (text, sentiment, label) = (i % 3) switch
            {
                0 => ($"The {parking[i % 5]} was a nightmare {i}", 5, "1,,,"),
                1 => ($"Lovely {food[i % 5]}, tasty {i}", 1, ",1,,"),
                _ => ($"{staff[i % 5]} were kind and caring {i}", 1, ",,1,"),
            };
            csv.Append($"{i},T,R{i},01/01/2022,S,,1,What was good?,\"{text}\",,{sentiment},{label}\n");
        }

        File.WriteAllText(path, csv.ToString());
    }
}
