using System.IO.Compression;
using QualityVoice.Analysis.Embeddings;
using QualityVoice.Analysis.Local;
using QualityVoice.TestSupport;

namespace QualityVoice.Analysis.Tests.Local;

public sealed class ModelCompressionTests
{
    [Fact]
    public void A_model_file_is_read_back_byte_for_byte_whether_written_now_or_gzipped_by_an_earlier_version()
    {
        var payload = Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7 % 251)).ToArray();
        using var written = new MemoryStream();
        ModelCompression.Write(written, payload);
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        foreach (var file in new[] { written, gzipped })
        {
            file.Position = 0;
            using var read = ModelCompression.OpenRead(file);
            using var back = new MemoryStream();
            read.CopyTo(back);
            Assert.Equal(payload, back.ToArray());
        }
    }

    [Fact]
    public void The_shipped_theme_model_gzipped_as_before_loads_as_the_same_model()
    {
        var shipped = Path.Combine(Repository.Root, EmbeddingModels.ThemesPath);
        using var raw = new MemoryStream();
        using (var file = File.OpenRead(shipped))
        using (var read = ModelCompression.OpenRead(file))
        {
            read.CopyTo(raw);
        }

        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(raw.ToArray());
        }

        gzipped.Position = 0;
        Assert.Equal(EmbeddingModels.Themes.Version, LocalModel.Load(gzipped).Version);
        Assert.True(new FileInfo(shipped).Length < 4_000_000, $"The theme model takes {new FileInfo(shipped).Length:N0} bytes.");
    }
}
