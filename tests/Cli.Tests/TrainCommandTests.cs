using System.Security.Cryptography;
using System.Text;
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

        TrainCommand.Run(Line("--input", _folder.File("train.csv"), "--output", _folder.File("a.qvlm.gz"), "--report", _folder.File("report.json")), TextWriter.Null);
        TrainCommand.Run(Line("--input", _folder.File("train.csv"), "--output", _folder.File("b.qvlm.gz")), TextWriter.Null);

        Assert.Equal(SHA256.HashData(File.ReadAllBytes(_folder.File("a.qvlm.gz"))), SHA256.HashData(File.ReadAllBytes(_folder.File("b.qvlm.gz"))));
        Assert.Contains("\"microF1\"", File.ReadAllText(_folder.File("report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_trained_model_predicts_what_it_learned()
    {
        WriteTrainingFile(_folder.File("train.csv"));
        TrainCommand.Run(Line("--input", _folder.File("train.csv"), "--output", _folder.File("model.qvlm.gz")), TextWriter.Null);

        using var file = File.OpenRead(_folder.File("model.qvlm.gz"));
        var model = LocalModel.Load(file);
        var (themes, _, _) = model.Predict("The parking was a nightmare again");

        Assert.Equal("Parking", themes[0].Name);
        Assert.StartsWith("local-", model.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_training_file_is_a_usage_error()
    {
        Assert.Throws<UsageException>(() => TrainCommand.Run(Line("--input", _folder.File("none.csv"), "--output", _folder.File("m")), TextWriter.Null));
    }

    private static CommandLine Line(params string[] args) => CommandLine.Parse(args, new HashSet<string>());

    // The training file's shape: eleven columns, then one per sub-category.
    private static void WriteTrainingFile(string path)
    {
        var csv = new StringBuilder("Comment ID,Trust,Respondent ID,Date,Service type 1,Service type 2,FFT categorical answer,FFT question,FFT answer,Person identifiable info?,Comment sentiment,Parking,Food & drink provision & facilities,Staff manner & personal attributes\n");
        string[] parking = ["parking", "car park", "nowhere to park", "parking was expensive", "the car park was full"];
        string[] food = ["food", "meals", "the dinner", "breakfast", "tea and toast"];
        string[] staff = ["staff", "the nurses", "the doctor", "reception", "the team"];
        for (var i = 0; i < 60; i++)
        {
            var (text, sentiment, label) = (i % 3) switch
            {
                0 => ($"The {parking[i % 5]} was a nightmare {i}", 5, "1,,"),
                1 => ($"Lovely {food[i % 5]}, tasty {i}", 1, ",1,"),
                _ => ($"{staff[i % 5]} were kind and caring {i}", 1, ",,1"),
            };
            csv.Append($"{i},T,R{i},01/01/2022,S,,1,What was good?,\"{text}\",,{sentiment},{label}\n");
        }

        File.WriteAllText(path, csv.ToString());
    }
}
