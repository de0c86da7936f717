using QualityVoice.Analysis.Embeddings;
using QualityVoice.Analysis.Urgency;

namespace QualityVoice.Analysis.Tests.Embeddings;

/// <summary>The default analyzer on the real shipped models and the real all-MiniLM-L6-v2 weights.</summary>
public sealed class EmbeddingTextAnalyzerTests
{
    private static readonly EmbeddingTextAnalyzer Analyzer = new(SentenceEncoder.Shared(), EmbeddingModels.Themes, EmbeddingModels.Urgency);

    [Theory]
    [InlineData("I've been saving up my tablets for a while and I know how many it would take", UrgencyReasons.SuicideOrSelfHarm)]
    [InlineData("honestly everyone would be better off without me, nobody at the clinic asked how I was", UrgencyReasons.SuicideOrSelfHarm)]
    [InlineData("Mum was left in wet sheets all night and nobody came when she called", UrgencyReasons.Neglect)]
    [InlineData("A carer slapped my dad when he wouldn't eat his dinner", UrgencyReasons.Abuse)]
    [InlineData("They gave my mother someone else's tablets and she was rushed to intensive care", UrgencyReasons.MedicationOrClinicalError)]
    public async Task Urgent_comments_are_flagged_with_their_reason_and_evidence(string text, string reason)
    {
        var analysis = (await Analyzer.AnalyzeAsync([new TextToAnalyse(text)], CancellationToken.None)).Single();

        Assert.True(analysis.Urgent, text);
        Assert.Contains(reason, analysis.UrgentReasons);
        Assert.NotEmpty(analysis.UrgencySignals!);
        Assert.All(analysis.UrgencySignals!, signal => Assert.Contains(signal.Source, new[] { UrgencySignal.Phrase, UrgencySignal.Meaning, UrgencySignal.Similar }));
    }

    [Theory]
    [InlineData("The nurses on ward 4 were lovely and the food was good")]
    [InlineData("Parking was expensive but the clinic ran on time")]
    [InlineData("Nothing, it was all fine")]
    public async Task Everyday_comments_are_not_urgent(string text)
    {
        var analysis = (await Analyzer.AnalyzeAsync([new TextToAnalyse(text)], CancellationToken.None)).Single();

        Assert.False(analysis.Urgent, $"{text}: {string.Join(", ", analysis.UrgentReasons)}");
    }

    [Fact]
    public async Task Themes_and_sentiment_come_with_calibrated_confidence_and_the_question_helps()
    {
        var analyses = await Analyzer.AnalyzeAsync(
            [new TextToAnalyse("The staff were kind, caring and always had time for me", QuestionKind.WhatWasGood), new TextToAnalyse("I waited four hours to be seen and nobody told me why")],
            CancellationToken.None);

        Assert.Equal(Sentiment.Positive, analyses[0].Sentiment);
        Assert.Contains(analyses[0].Themes, theme => theme.Name == "Staff manner & personal attributes");
        Assert.Equal(Sentiment.Negative, analyses[1].Sentiment);
        Assert.All(analyses.SelectMany(analysis => analysis.Themes), theme => Assert.InRange(theme.Confidence, 0, 1));
        Assert.StartsWith("embedding-", Analyzer.ModelVersion, StringComparison.Ordinal);
        Assert.Contains("+urgency-", Analyzer.ModelVersion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_details_are_redacted_as_by_every_analyzer()
    {
        var analysis = (await Analyzer.AnalyzeAsync([new TextToAnalyse("Ring me on 07700 900123 about it")], CancellationToken.None)).Single();

        Assert.Equal("Ring me on [phone number] about it", analysis.RedactedText);
    }
}

/// <summary>The feeling about each theme, read clause by clause, by the default and the fast analyzer.</summary>
public sealed class ThemeSentimentTests
{
    private static readonly ITextAnalyzer[] Analyzers =
    [
        new EmbeddingTextAnalyzer(SentenceEncoder.Shared(), EmbeddingModels.Themes, EmbeddingModels.Urgency),
        new Analysis.Local.LocalTextAnalyzer(Analysis.Local.LocalModel.Shipped),
    ];

    public static TheoryData<int> Both => new() { 0, 1 };

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Praise_for_staff_and_a_complaint_about_waiting_are_read_apart(int analyzer)
    {
        var analysis = (await Analyzers[analyzer].AnalyzeAsync([new TextToAnalyse("The staff were kind and caring but I waited six hours to be seen")], CancellationToken.None)).Single();
        var feelings = analysis.ThemeSentiments!.ToDictionary(feeling => feeling.Theme, feeling => feeling.Sentiment);

        Assert.Equal(Sentiment.Positive, feelings["Staff manner & personal attributes"]);
        Assert.Equal(Sentiment.Negative, feelings["Timeliness of care"]);
        Assert.Equal(Sentiment.Mixed, analysis.Sentiment);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_comment_of_one_clause_feels_about_each_theme_as_it_does_as_a_whole(int analyzer)
    {
        var analysis = (await Analyzers[analyzer].AnalyzeAsync([new TextToAnalyse("The staff were kind and caring and explained everything")], CancellationToken.None)).Single();

        Assert.Equal(analysis.Themes.Select(theme => theme.Name), analysis.ThemeSentiments!.Select(feeling => feeling.Theme));
        Assert.All(analysis.ThemeSentiments!, feeling => Assert.Equal(analysis.Sentiment, feeling.Sentiment));
    }
}
