using System.Text.Json;
using QualityVoice.Analysis;
using QualityVoice.Cli.Commands;
using QualityVoice.TestSupport;

namespace QualityVoice.Cli.Tests;

public sealed class AnalyzeCommandTests : IDisposable
{
    private static readonly ThemeTaxonomy Taxonomy = new([new ThemeMapping("Timeliness of care", "Access", "patient-safety", ["Safe"])]);
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("embedding")]
    [InlineData("fast")]
    public async Task Each_row_becomes_one_json_object_in_input_order(string model)
    {
        File.WriteAllText(_folder.File("in.csv"), "ref,comment,other\n" +
            "a-1,\"I waited 6 hours, call me on 07700 900123\",x\n" +
            "a-2,\"Line one\nline two 😊 \"\"quoted\"\"\",y\n" +
            "a-3,,z\n");

        var code = await AnalyzeCommand.RunAsync(
            Line("--input", _folder.File("in.csv"), "--text-column", "comment", "--id-column", "ref", "--output", _folder.File("out.jsonl"), "--model", model), Taxonomy, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, code);
        var lines = File.ReadAllLines(_folder.File("out.jsonl"));
        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal("a-1", root.GetProperty("id").GetString());
        Assert.Contains(root.GetProperty("sentiment").GetString(), new[] { "positive", "neutral", "negative", "mixed" });
        Assert.InRange(root.GetProperty("sentimentScore").GetDouble(), -1, 1);
        Assert.Equal("I waited 6 hours, call me on [phone number]", root.GetProperty("redactedText").GetString());
        Assert.Equal("phone number", root.GetProperty("pii")[0].GetProperty("type").GetString());
        Assert.Equal(29, root.GetProperty("pii")[0].GetProperty("start").GetInt32());
        Assert.Contains(root.GetProperty("themes").EnumerateArray(), theme => theme.GetProperty("name").GetString() == "Timeliness of care");
        Assert.Equal("patient-safety", root.GetProperty("strategicThemes")[0].GetString());
        Assert.False(root.GetProperty("urgent").GetBoolean());
        Assert.Equal("Line one\nline two 😊 \"quoted\"", JsonDocument.Parse(lines[1]).RootElement.GetProperty("redactedText").GetString());
        Assert.Equal("a-3", JsonDocument.Parse(lines[2]).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Each_theme_carries_the_feeling_about_it()
    {
        File.WriteAllText(_folder.File("in.csv"), "ref,comment\nm-1,\"The nurses were lovely but I waited six hours in A&E\"\n");

        await AnalyzeCommand.RunAsync(Line("--input", _folder.File("in.csv"), "--text-column", "comment", "--id-column", "ref", "--output", _folder.File("out.jsonl")), Taxonomy, TextWriter.Null, CancellationToken.None);

        var root = JsonDocument.Parse(File.ReadAllLines(_folder.File("out.jsonl"))[0]).RootElement;
        var feelings = root.GetProperty("themes").EnumerateArray().ToDictionary(theme => theme.GetProperty("name").GetString()!, theme => theme.GetProperty("sentiment").GetString());
        Assert.Equal("mixed", root.GetProperty("sentiment").GetString());
        Assert.Equal("negative", feelings["Timeliness of care"]);
        Assert.Contains("positive", feelings.Values);
    }

    [Fact]
    public async Task The_fft_answer_column_is_read_beside_the_question_in_codes_or_words()
    {
        File.WriteAllText(_folder.File("in.csv"), "ref,question,fft,comment\n" +
            "f-1,Why did you give that answer?,Very good,The staff on the ward\n" +
            "f-2,Why did you give that answer?,5,The staff on the ward\n" +
            "f-3,Why did you give that answer?,not a rating,The staff on the ward\n");

        await AnalyzeCommand.RunAsync(
            Line("--input", _folder.File("in.csv"), "--text-column", "comment", "--id-column", "ref", "--question-column", "question", "--fft-column", "fft", "--output", _folder.File("out.jsonl")),
            Taxonomy,
            TextWriter.Null,
            CancellationToken.None);

        var scores = File.ReadAllLines(_folder.File("out.jsonl")).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("sentimentScore").GetDouble()).ToArray();
        Assert.True(scores[1] < scores[0], $"very poor {scores[1]}, very good {scores[0]}");
        Assert.NotEqual(scores[0], scores[2]);
        Assert.NotEqual(scores[1], scores[2]);
    }

    [Fact]
    public async Task The_nhs_data_sets_own_question_and_fft_columns_are_read_unnamed_and_the_summary_says_so()
    {
        File.WriteAllText(_folder.File("in.csv"), "Comment ID,FFT question,FFT categorical answer,FFT answer\n" +
            "g-1,Why did you give that answer?,1,The staff on the ward\n" +
            "g-2,Why did you give that answer?,5,The staff on the ward\n");
        var said = new StringWriter();

        await AnalyzeCommand.RunAsync(
            Line("--input", _folder.File("in.csv"), "--text-column", "FFT answer", "--id-column", "Comment ID", "--output", _folder.File("out.jsonl")), Taxonomy, said, CancellationToken.None);

        var scores = File.ReadAllLines(_folder.File("out.jsonl")).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("sentimentScore").GetDouble()).ToArray();
        Assert.True(scores[1] < scores[0], $"very poor {scores[1]}, very good {scores[0]}");
        Assert.Contains("the question from 'FFT question', the FFT answer from 'FFT categorical answer'", said.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_urgent_comment_carries_its_reason_and_the_evidence()
    {
        File.WriteAllText(_folder.File("in.csv"), "ref,comment\nu-1,\"I've been saving up my tablets and I know how many it would take\"\n");

        await AnalyzeCommand.RunAsync(Line("--input", _folder.File("in.csv"), "--text-column", "comment", "--id-column", "ref", "--output", _folder.File("out.jsonl")), Taxonomy, TextWriter.Null, CancellationToken.None);

        var root = JsonDocument.Parse(File.ReadAllLines(_folder.File("out.jsonl"))[0]).RootElement;
        Assert.True(root.GetProperty("urgent").GetBoolean());
        Assert.Equal("suicide or self-harm", root.GetProperty("urgentReasons")[0].GetString());
        Assert.Contains(root.GetProperty("urgencyEvidence").EnumerateArray(), signal => signal.GetProperty("evidence").GetString() == "saving up my tablets");
    }

    [Fact]
    public async Task A_column_that_is_not_there_is_named_with_the_ones_that_are()
    {
        File.WriteAllText(_folder.File("in.csv"), "ref,comment\nx,y\n");

        var error = await Assert.ThrowsAsync<UsageException>(() =>
            AnalyzeCommand.RunAsync(Line("--input", _folder.File("in.csv"), "--text-column", "text", "--id-column", "ref", "--output", _folder.File("out.jsonl")), Taxonomy, TextWriter.Null, CancellationToken.None));

        Assert.Equal($"--text-column 'text' is not a column of {_folder.File("in.csv")}; its columns are: ref, comment.", error.Message);
    }

    [Fact]
    public async Task An_empty_file_is_said_to_be_empty()
    {
        File.WriteAllText(_folder.File("in.csv"), string.Empty);

        var error = await Assert.ThrowsAsync<UsageException>(() =>
            AnalyzeCommand.RunAsync(Line("--input", _folder.File("in.csv"), "--text-column", "text", "--id-column", "ref", "--output", _folder.File("out.jsonl")), Taxonomy, TextWriter.Null, CancellationToken.None));

        Assert.Equal($"{_folder.File("in.csv")} is empty: its first line must name its columns.", error.Message);
    }

    private static CommandLine Line(params string[] args) => CommandLine.Parse(args, new HashSet<string>());
}
