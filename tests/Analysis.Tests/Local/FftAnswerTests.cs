using QualityVoice.Analysis.Embeddings;
using QualityVoice.Analysis.Local;

namespace QualityVoice.Analysis.Tests.Local;

/// <summary>
/// The FFT answer given with a comment tells its feeling when the words alone do not ("the staff" after "Very poor" is
/// no praise); the models read it only beside a known question, as they learnt it, and the themes never read it.
/// </summary>
public sealed class FftAnswerTests
{
    private static readonly ITextAnalyzer[] Analyzers =
    [
        new LocalTextAnalyzer(LocalModel.Shipped),
        new EmbeddingTextAnalyzer(SentenceEncoder.Shared(), EmbeddingModels.Themes, EmbeddingModels.Urgency),
    ];

    [Fact]
    public async Task The_same_words_read_more_negative_after_very_poor_than_after_very_good()
    {
        foreach (var analyzer in Analyzers)
        {
            var read = await analyzer.AnalyzeAsync(
                [new TextToAnalyse("The staff on the ward", QuestionKind.Why, FftAnswer.VeryGood), new TextToAnalyse("The staff on the ward", QuestionKind.Why, FftAnswer.VeryPoor)],
                CancellationToken.None);
            var (afterVeryGood, afterVeryPoor) = (read[0], read[1]);

            Assert.True(afterVeryPoor.SentimentScore < afterVeryGood.SentimentScore, $"{analyzer.Name}: {afterVeryPoor.SentimentScore} after very poor, {afterVeryGood.SentimentScore} after very good");
            Assert.Equal(afterVeryGood.Themes.Select(theme => theme.Name), afterVeryPoor.Themes.Select(theme => theme.Name));
        }
    }

    [Fact]
    public async Task Urgency_does_not_read_the_fft_answer()
    {
        const string Said = "I have been saving up my tablets and I know how many it would take";
        foreach (var analyzer in Analyzers)
        {
            var read = await analyzer.AnalyzeAsync(
                [new TextToAnalyse(Said, QuestionKind.Why, FftAnswer.VeryGood), new TextToAnalyse(Said, QuestionKind.Why, FftAnswer.VeryPoor)],
                CancellationToken.None);

            Assert.True(read[0].Urgent);
            Assert.Equal(read[0].UrgentReasons, read[1].UrgentReasons);
            Assert.Equal(read[0].UrgencySignals, read[1].UrgencySignals);
        }
    }

    [Fact]
    public async Task Without_the_question_the_fft_answer_is_not_read()
    {
        foreach (var analyzer in Analyzers)
        {
            var read = await analyzer.AnalyzeAsync(
                [new TextToAnalyse("The staff on the ward"), new TextToAnalyse("The staff on the ward", QuestionKind.Unknown, FftAnswer.VeryPoor)],
                CancellationToken.None);
            var (bare, withAnswer) = (read[0], read[1]);

            Assert.Equal(bare.SentimentScore, withAnswer.SentimentScore);
            Assert.Equal(bare.Sentiment, withAnswer.Sentiment);
        }
    }

    [Fact]
    public void Nhs_england_codes_read_as_answers_and_anything_else_as_unknown()
    {
        Assert.Equal(
            [FftAnswer.VeryGood, FftAnswer.Good, FftAnswer.Neither, FftAnswer.Poor, FftAnswer.VeryPoor, FftAnswer.DontKnow, FftAnswer.Unknown, FftAnswer.Unknown, FftAnswer.Unknown],
            new[] { "1", "2", "3", "4", "5", " 6 ", "7", "", null }.Select(FftAnswers.FromCode));
    }
}
