using System.Globalization;
using CsvHelper;

namespace QualityVoice.Analysis.Training;

/// <summary>
/// The labelled comments of the NHS patient experience data set (pxtextmining's v6 framework file): the text
/// is "FFT answer", the sentiment "Comment sentiment", and every column from the twelfth on is a sub-category.
/// </summary>
public sealed class TrainingSet
{
    /// <summary>The column holding the comment.</summary>
    public const string TextColumn = "FFT answer";

    /// <summary>The column holding the sentiment, 1 (very positive) to 5 (very negative).</summary>
    public const string SentimentColumn = "Comment sentiment";

    /// <summary>The column holding the question the comment answers.</summary>
    public const string QuestionColumn = "FFT question";

    /// <summary>The column holding the FFT answer given with the comment, as NHS England's code (1 very good to 6 don't know).</summary>
    public const string FftColumn = "FFT categorical answer";

    /// <summary>The first sub-category column (0-based): the twelfth.</summary>
    public const int FirstLabelColumn = 11;

    private TrainingSet(IReadOnlyList<string> labelNames, IReadOnlyList<TrainingComment> comments)
    {
        LabelNames = labelNames;
        Comments = comments;
    }

    /// <summary>The sub-categories, exactly as the column headers name them.</summary>
    public IReadOnlyList<string> LabelNames { get; }

    /// <summary>The comments, in file order.</summary>
    public IReadOnlyList<TrainingComment> Comments { get; }

    /// <summary>
    /// This set with another's comments added (staff corrections exported by the back office in the same format); the
    /// sub-categories must be the same, in the same order.
    /// </summary>
    public TrainingSet With(TrainingSet more) =>
        more.LabelNames.SequenceEqual(LabelNames, StringComparer.Ordinal)
            ? new TrainingSet(LabelNames, [.. Comments, .. more.Comments])
            : throw new InvalidDataException("The corrections do not have the training file's sub-categories in the same order.");

    /// <summary>Reads the file; throws with the problem when it is not the expected shape.</summary>
    public static TrainingSet Load(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = true, Separator = ',' });
        var header = csv.Headers.ToArray();
        var textColumn = Array.IndexOf(header, TextColumn);
        var sentimentColumn = Array.IndexOf(header, SentimentColumn);
        var questionColumn = Array.IndexOf(header, QuestionColumn);
        var fftColumn = Array.IndexOf(header, FftColumn);
        if (textColumn < 0 || sentimentColumn < 0 || header.Length <= FirstLabelColumn)
        {
            throw new InvalidDataException($"{path} needs the columns '{TextColumn}', '{SentimentColumn}' and sub-categories from column {FirstLabelColumn + 1}.");
        }

        var labelNames = header[FirstLabelColumn..].Select(FrameworkNames.Corrected).ToArray();
        var comments = new List<TrainingComment>();
        while (csv.Read())
        {
            var text = csv.GetString(textColumn);
            var labels = new bool[labelNames.Length];
            for (var l = 0; l < labels.Length; l++)
            {
                labels[l] = FirstLabelColumn + l < csv.FieldCount && csv.GetString(FirstLabelColumn + l).Trim() == "1";
            }

            int? sentiment = int.TryParse(csv.GetString(sentimentColumn), NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= 5
                ? score <= 2 ? 0 : score == 3 ? 1 : 2
                : null;
            var question = questionColumn < 0 ? QuestionKind.Unknown : QuestionKinds.Classify(csv.GetString(questionColumn));
            var fft = fftColumn < 0 ? FftAnswer.Unknown : FftAnswers.FromCode(csv.GetString(fftColumn));
            comments.Add(new TrainingComment(text, labels, sentiment, question, fft));
        }

        return new TrainingSet(labelNames, comments);
    }
}
