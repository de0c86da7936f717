using System.Globalization;
using CsvHelper;
using QualityVoice.Analysis;
using QualityVoice.Analysis.Pii;
using QualityVoice.Analysis.Urgency;
using QualityVoice.Content;
using QualityVoice.Feedback;

namespace QualityVoice.Cli.Seeding;

/// <summary>
/// Demonstration feedback from real, public NHS comments: the labelled patient experience file (pxtextmining, MIT
/// licence, © NHS England), each comment with the rating the person gave and the themes and sentiment NHS staff
/// labelled it with, so that what a demonstration shows agrees with itself (no "very good" answer read as a
/// complaint). Personal details are hidden as the analyzer would; the urgency lexicon flags what it finds. Very
/// short answers ("Nothing", "N/A") and comments without a rating are left out.
/// </summary>
internal static class LabelledComments
{
    private const int FirstLabelColumn = 11;
    private const int ShortestText = 20;

    /// <summary>A comment as labelled.</summary>
    public sealed record Comment(string Text, QuestionKind Question, FftRating Rating, Sentiment? Sentiment, IReadOnlyList<string> Themes);

    /// <summary>Reads the file; throws with the problem when it is not the labelled file's shape.</summary>
    public static IReadOnlyList<Comment> Load(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = true, Separator = ',' });
        var header = csv.Headers.ToArray();
        int Column(string name) => Array.IndexOf(header, name) is var index and >= 0
            ? index
            : throw new InvalidDataException($"{path} has no column '{name}': it is not the labelled comments file.");
        var text = Column("FFT answer");
        var question = Column("FFT question");
        var rating = Column("FFT categorical answer");
        var sentiment = Column("Comment sentiment");
        var labels = header[FirstLabelColumn..].Select(FrameworkNames.Corrected).ToArray();
        var comments = new List<Comment>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (csv.Read())
        {
            var said = csv.GetString(text).Trim();
            if (said.Length < ShortestText || !seen.Add(said) || !FftRatingText.TryParse(csv.GetString(rating), out var fft))
            {
                continue;
            }

            var themes = labels.Where((_, l) => FirstLabelColumn + l < csv.FieldCount && csv.GetString(FirstLabelColumn + l).Trim() == "1").ToArray();
            comments.Add(new Comment(said, QuestionKinds.Classify(csv.GetString(question)), fft, SentimentOf(csv.GetString(sentiment)), themes));
        }

        return comments;
    }

    /// <summary>The item a comment becomes, at a service of the pack.</summary>
    public static NewFeedback ToFeedback(Comment comment, CareService service, YearMonth? month, FeedbackKind kind)
    {
        var asGood = comment.Question == QuestionKind.WhatWasGood
            || (comment.Question is QuestionKind.Why or QuestionKind.Both or QuestionKind.Unknown && comment.Rating is FftRating.VeryGood or FftRating.Good);
        return new NewFeedback(
            kind, service.Id, service.FullName, comment.Rating, asGood ? comment.Text : null, asGood ? null : comment.Text, month, CollectionMode.Online);
    }

    /// <summary>Its analysis: the labels as staff gave them, personal details hidden, and the urgency lexicon's flag.</summary>
    public static FeedbackAnalysis Analyse(Comment comment, NewFeedback feedback, ThemeTaxonomy taxonomy, DateTimeOffset at)
    {
        var (redacted, spans) = PiiRedactor.Redact(comment.Text);
        var field = feedback.WhatWasGood is null ? "whatCouldImprove" : "whatWasGood";
        var (urgent, reasons) = UrgencyDetector.Detect(comment.Text);
        var themes = comment.Themes.Where(theme => taxonomy.Find(theme) is not null).ToArray();
        var sentiment = comment.Sentiment ?? Sentiment.Neutral;
        return new FeedbackAnalysis(
            sentiment,
            sentiment switch { Sentiment.Positive => 0.7, Sentiment.Negative => -0.7, _ => 0 },
            themes.Select(theme => new ThemePrediction(theme, 1.0)).ToArray(),
            taxonomy.StrategicThemesOf(themes),
            taxonomy.CqcQuestionsOf(themes),
            feedback.WhatWasGood is null ? null : redacted,
            feedback.WhatCouldImprove is null ? null : redacted,
            spans.Select(span => new FieldPii(field, span.Type, span.Start, span.Length)).ToArray(),
            urgent,
            reasons,
            "labelled",
            "pxtextmining-v6",
            at);
    }

    // Labelled 1 very positive … 5 very negative; 3 is mixed; blank where the labeller gave none.
    private static Sentiment? SentimentOf(string value) => value.Trim() switch
    {
        "1" or "2" => Sentiment.Positive,
        "3" => Sentiment.Mixed,
        "4" or "5" => Sentiment.Negative,
        _ => null,
    };
}
