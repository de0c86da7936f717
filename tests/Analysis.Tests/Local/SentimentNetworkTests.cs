using QualityVoice.Analysis.Embeddings;
using QualityVoice.Analysis.Local;

namespace QualityVoice.Analysis.Tests.Local;

public sealed class SentimentNetworkTests
{
    // Two-number "embeddings" whose class no straight line can separate: positive where the signs agree, negative
    // where they differ, neutral near the middle.
    private static (float[][] Inputs, int[] Classes) Crossed()
    {
        var random = new Random(7);
        var inputs = new List<float[]>();
        var classes = new List<int>();
        for (var i = 0; i < 600; i++)
        {
            var (a, b) = ((float)(random.NextDouble() * 2 - 1), (float)(random.NextDouble() * 2 - 1));
            inputs.Add(SentimentNetwork.Input([a, b], QuestionKind.Unknown, FftAnswer.Unknown));
            classes.Add(Math.Abs(a) < 0.15 && Math.Abs(b) < 0.15 ? SentimentClassifier.Middle : a * b > 0 ? SentimentClassifier.Positive : SentimentClassifier.Negative);
        }

        return ([.. inputs], [.. classes]);
    }

    private static readonly SentimentNetworkOptions Small = new(Hidden: 16, Epochs: 200, BatchSize: 32, L2: 1e-4, LearningRate: 0.01);

    [Fact]
    public void It_learns_what_a_linear_head_cannot()
    {
        var (inputs, classes) = Crossed();

        var network = SentimentNetwork.Fit(inputs, classes, Small, seed: 1);

        var right = inputs.Where((input, i) => ArgMax(network.Probabilities(input)) == classes[i]).Count();
        Assert.True(right >= 0.9 * inputs.Length, $"{right} of {inputs.Length} right");
        Assert.Equal(SentimentClassifier.Positive, ArgMax(network.Probabilities(SentimentNetwork.Input([0.8f, 0.7f], QuestionKind.Unknown, FftAnswer.Unknown))));
        Assert.Equal(SentimentClassifier.Negative, ArgMax(network.Probabilities(SentimentNetwork.Input([-0.8f, 0.7f], QuestionKind.Unknown, FftAnswer.Unknown))));
    }

    [Fact]
    public void The_same_data_and_seed_give_the_same_weights_and_they_survive_saving()
    {
        var (inputs, classes) = Crossed();
        var first = SentimentNetwork.Fit(inputs, classes, Small with { Epochs = 5 }, seed: 3);
        var second = SentimentNetwork.Fit(inputs, classes, Small with { Epochs = 5 }, seed: 3);
        Assert.Equal(first.HiddenWeights, second.HiddenWeights);
        Assert.Equal(first.OutputWeights, second.OutputWeights);

        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            first.Write(writer);
        }

        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);
        var read = SentimentNetwork.Read(reader);
        Assert.Equal(buffer.Length, buffer.Position);
        foreach (var input in inputs.Take(20))
        {
            // Weights are kept in half precision: the probabilities move in the third decimal at most.
            Assert.All(first.Probabilities(input).Zip(read.Probabilities(input)), pair => Assert.Equal(pair.First, pair.Second, 0.01));
        }
    }

    [Fact]
    public void The_input_is_the_embedding_then_the_question_and_the_fft_answer_one_hot_the_answer_only_with_a_question()
    {
        Assert.Equal([0.5f, -0.25f, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0], SentimentNetwork.Input([0.5f, -0.25f], QuestionKind.WhatCouldImprove, FftAnswer.Poor));
        Assert.Equal([0.5f, -0.25f, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0], SentimentNetwork.Input([0.5f, -0.25f], QuestionKind.Unknown, FftAnswer.Poor));
    }

    [Fact]
    public void The_shipped_embedding_model_averages_its_regression_with_a_network_over_the_embedding()
    {
        var sentiment = EmbeddingModels.Themes.Sentiment;

        Assert.NotNull(sentiment.Network);
        Assert.Equal(0.5f, sentiment.NetworkWeight);
        Assert.Equal(EmbeddingModels.Themes.Embedding!.Dimensions, sentiment.Network.EmbeddingDimensions);
        Assert.Null(LocalModel.Shipped.Sentiment.Network);
    }

    private static int ArgMax(double[] p) => Array.IndexOf(p, p.Max());
}
