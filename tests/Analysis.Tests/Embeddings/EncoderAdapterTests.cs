using System.IO.Compression;
using System.Text;
using QualityVoice.Analysis.Embeddings;

namespace QualityVoice.Analysis.Tests.Embeddings;

public sealed class EncoderAdapterTests
{
    [Fact]
    public void The_shipped_encoder_gives_the_embeddings_fine_tuning_gave_in_PyTorch()
    {
        var adapter = EmbeddingModels.Adapter ?? throw new InvalidOperationException("No encoder adapter ships.");
        var encoder = SentenceEncoder.Shared();

        Assert.Equal($"all-MiniLM-L6-v2+{adapter.Version}", encoder.ModelName);
        Assert.NotEmpty(adapter.Checks);
        foreach (var check in adapter.Checks)
        {
            var embedding = encoder.EmbedIds(check.Ids);
            for (var d = 0; d < SentenceEncoder.Dimensions; d++)
            {
                Assert.Equal(check.Embedding[d], embedding[d], 1e-4);
            }
        }
    }

    [Fact]
    public void Fine_tuning_changed_what_the_encoder_gives()
    {
        var adapter = EmbeddingModels.Adapter!;
        using var published = new SentenceEncoder(MiniLmFiles.Read(), adapter: null, threads: 1);

        var check = adapter.Checks[0];
        var before = published.EmbedIds(check.Ids);
        var cosine = before.Zip(check.Embedding, (a, b) => (double)a * b).Sum();

        Assert.Equal("all-MiniLM-L6-v2", published.ModelName);
        Assert.InRange(cosine, 0, 0.999);
    }

    [Fact]
    public void A_shipped_adapter_reads_back_as_the_same_version()
    {
        var adapter = EmbeddingModels.Adapter!;
        using var file = new MemoryStream();

        adapter.Save(file);
        file.Position = 0;

        Assert.Equal(adapter.Version, EncoderAdapter.Load(file).Version);
    }

    [Fact]
    public void An_adapter_fitted_to_another_version_of_the_model_is_refused()
    {
        var adapter = EncoderAdapter.Load(new MemoryStream(AdapterFile(modelLength: 12345, matrix: "927")));

        var error = Assert.Throws<InvalidOperationException>(() => adapter.AdaptedModel(MiniLmFiles.Read().ModelPath));

        Assert.Contains("another version of the embedding model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_adapter_for_a_weight_the_model_does_not_have_is_refused()
    {
        var model = MiniLmFiles.Read().ModelPath;
        var adapter = EncoderAdapter.Load(new MemoryStream(AdapterFile(new FileInfo(model).Length, matrix: "no-such-weight")));

        var error = Assert.Throws<InvalidOperationException>(() => adapter.AdaptedModel(model));

        Assert.Contains("no 384×384 weight matrix no-such-weight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_adapter_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => EncoderAdapter.Load(new MemoryStream(Encoding.ASCII.GetBytes("not an adapter at all"))));

        Assert.Contains("not a QualityVoice encoder adapter", error.Message, StringComparison.Ordinal);
    }

    // An adapter as fine_tune.py writes it (gzipped): one rank-1 correction of a 384 × 384 matrix, and no checks.
    private static byte[] AdapterFile(long modelLength, string matrix)
    {
        using var file = new MemoryStream();
        using (var writer = new BinaryWriter(new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true)))
        {
            WriteAdapter(writer, modelLength, matrix);
        }

        return file.ToArray();
    }

    private static void WriteAdapter(BinaryWriter writer, long modelLength, string matrix)
    {
        writer.Write("QVEA"u8);
        writer.Write(1);
        writer.Write(modelLength);
        writer.Write(1);
        var name = Encoding.UTF8.GetBytes(matrix);
        writer.Write(name.Length);
        writer.Write(name);
        writer.Write(384);
        writer.Write(384);
        writer.Write(1);
        writer.Write(1f);
        for (var i = 0; i < 384 * 2; i++)
        {
            writer.Write(0.01f);
        }

        writer.Write(0);
    }
}
