using QualityVoice.Analysis.Embeddings;

namespace QualityVoice.Analysis.Tests.Embeddings;

public sealed class SentenceEncoderTests
{
    private static readonly SentenceEncoder Encoder = SentenceEncoder.Shared();

    [Fact]
    public void Each_text_becomes_a_unit_vector_of_384_numbers_in_input_order_whatever_the_batching()
    {
        string[] texts = ["I waited six hours", "The nurses were lovely", "", "Café staff were unhelpful"];

        var together = Encoder.Embed(texts);
        var alone = texts.Select(text => Encoder.Embed([text])[0]).ToArray();

        Assert.All(together, vector => Assert.Equal(384, vector.Length));
        Assert.All(together, vector => Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 4));
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(1.0, Cosine(together[i], alone[i]), 4);
        }
    }

    [Fact]
    public void Comments_that_mean_the_same_are_nearer_than_comments_that_share_words()
    {
        var vectors = Encoder.Embed(["I don't want to be here any more", "I want to end my life", "I don't want to be here for my appointment any more"]);

        Assert.True(Cosine(vectors[0], vectors[1]) > 0.3);
        Assert.True(Cosine(vectors[0], vectors[1]) > Cosine(vectors[1], vectors[2]));
    }

    [Fact]
    public void A_long_text_is_read_up_to_its_first_256_tokens()
    {
        var longText = string.Join(' ', Enumerable.Repeat("The ward was clean and the staff were kind.", 200));

        var vector = Encoder.Embed([longText])[0];

        Assert.Equal(384, vector.Length);
    }

    [Fact]
    public void Parts_are_read_in_the_same_pass_and_the_whole_is_unchanged_by_them()
    {
        const string text = "The nurses were lovely but I waited six hours";
        var parts = Clauses.Split(text);

        var embedding = Encoder.EmbedWithParts([text], [parts])[0];
        var alone = Encoder.Embed([text[parts[0]], text[parts[1]]]);

        Assert.Equal(1.0, Cosine(embedding.Whole, Encoder.Embed([text])[0]), 5);
        Assert.Equal(2, embedding.Parts.Count);
        Assert.All(embedding.Parts, part => Assert.Equal(1.0, Math.Sqrt(part.Sum(x => (double)x * x)), 4));
        Assert.True(Cosine(embedding.Parts[0], alone[0]) > Cosine(embedding.Parts[0], alone[1]));
        Assert.True(Cosine(embedding.Parts[1], alone[1]) > Cosine(embedding.Parts[1], alone[0]));
    }

    [Fact]
    public void A_part_beyond_the_first_256_tokens_has_the_whole_text_s_embedding()
    {
        var text = string.Join(' ', Enumerable.Repeat("The ward was clean and the staff were kind.", 60)) + " But the food was cold";
        var parts = Clauses.Split(text);

        var embedding = Encoder.EmbedWithParts([text], [parts])[0];

        Assert.Same(embedding.Whole, embedding.Parts[^1]);
    }

    private static double Cosine(float[] a, float[] b) => a.Zip(b).Sum(pair => (double)pair.First * pair.Second);
}
