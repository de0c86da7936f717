using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace QualityVoice.Analysis.Embeddings;

/// <summary>
/// Turns comments into sentence embeddings: 384 numbers whose direction carries what a comment means, so that
/// "I don't want to be here any more" sits near "I want to end my life" though they share no words. all-MiniLM-L6-v2
/// on ONNX Runtime: WordPiece tokens (lower-cased, accents removed, as the model was trained), cut at
/// <see cref="MaxTokens"/>, the last layer averaged over the real tokens, then scaled to unit length, as
/// sentence-transformers does. Texts are sorted by length into small batches, so that little padding is computed and the
/// attention matrices stay small; one session runs them with <c>threads</c> threads inside each operation (measured here:
/// faster, and half the memory, of two single-threaded sessions side by side; docs/performance.md).
/// </summary>
public sealed class SentenceEncoder : ISentenceEmbedder, IDisposable
{
    /// <summary>The embedding's length.</summary>
    public const int Dimensions = 384;

    /// <summary>The most WordPiece tokens read from one text, [CLS] and [SEP] included (the rest is not read).</summary>
    public const int MaxTokens = 256;

    private const int BatchSize = 16;

    // The most tokens (rows × the longest row) in one batch: long texts go a few at a time, since the attention matrices
    // grow with the square of their length (16 texts of 256 tokens held ~150 MB more at the peak than 8, and 8 about
    // 55 MB more than 4, at the same speed: docs/performance.md).
    private const int BatchTokens = 1024;

    private static readonly Lock SharedLock = new();
    private static SentenceEncoder? _shared;

    private readonly BertTokenizer _tokenizer;
    private readonly InferenceSession _session;

    /// <summary>
    /// Loads the model, with the weights <paramref name="adapter"/> corrects when one is given (fine-tuned on NHS comments;
    /// none: the model as published), into a session that runs each operation on <paramref name="threads"/> threads (0:
    /// one per core).
    /// </summary>
    public SentenceEncoder(MiniLmFiles files, EncoderAdapter? adapter, int threads = 0, GraphOptimizationLevel optimisation = GraphOptimizationLevel.ORT_ENABLE_ALL)
    {
        _tokenizer = Tokenizer(files);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads > 0 ? threads : Environment.ProcessorCount,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = optimisation,
        };
        _session = new InferenceSession(adapter?.AdaptedModel(files.ModelPath) ?? files.ModelPath, options);
        ModelName = NameOf(adapter);
    }

    /// <inheritdoc />
    /// <remarks>The published model's name, and the adapter's version when there is one.</remarks>
    public string ModelName { get; }

    /// <summary>What an encoder with <paramref name="adapter"/> is called in the models trained on its embeddings.</summary>
    public static string NameOf(EncoderAdapter? adapter) =>
        adapter is null ? MiniLmFiles.ModelName : $"{MiniLmFiles.ModelName}+{adapter.Version}";

    /// <summary>
    /// The process's one encoder (the model is ~90 MB, and an ONNX Runtime session is safe to run from many threads),
    /// made on first use with <paramref name="threads"/> threads.
    /// </summary>
    public static SentenceEncoder Shared(int threads = 0)
    {
        lock (SharedLock)
        {
            return _shared ??= new SentenceEncoder(MiniLmFiles.Read(), EmbeddingModels.Adapter, threads);
        }
    }

    /// <summary>
    /// The process's one encoder (<see cref="Shared"/>), made when it is first asked to embed: the model loads only if
    /// something is analysed, and ONNX Runtime's threads start on (and take the CPU priority of) the thread that asks.
    /// </summary>
    public static ISentenceEmbedder OnFirstUse(int threads = 0) => new Deferred(threads);

    /// <inheritdoc />
    int ISentenceEmbedder.Dimensions => Dimensions;

    /// <summary>The embeddings of <paramref name="texts"/>, in order, each of unit length (a blank text gives the [CLS][SEP] embedding).</summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        [.. EmbedWithParts(texts, [.. texts.Select(_ => (IReadOnlyList<Range>)[])], cancellationToken).Select(embedding => embedding.Whole)];

    /// <inheritdoc />
    /// <remarks>
    /// A text with parts is tokenised piece by piece (WordPiece splits at whitespace and punctuation, so the tokens are the
    /// same as the whole text's when the parts start and end there), which tells where each part's tokens are; its
    /// embedding averages the last layer over them.
    /// </remarks>
    public TextEmbedding[] EmbedWithParts(IReadOnlyList<string> texts, IReadOnlyList<IReadOnlyList<Range>> parts, CancellationToken cancellationToken = default)
    {
        var tokens = new Tokenised[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            tokens[i] = Tokenise(texts[i] ?? string.Empty, parts[i]);
        }

        var embeddings = new TextEmbedding[texts.Count];
        foreach (var batch in Batches(tokens))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Run(_session, batch, tokens, embeddings);
        }

        return embeddings;
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    /// <summary>The WordPiece ids an encoder reads for each text ([CLS] … [SEP], cut at <see cref="MaxTokens"/>), without loading the model.</summary>
    public static int[][] WordPieces(MiniLmFiles files, IEnumerable<string> texts)
    {
        var tokenizer = Tokenizer(files);
        return [.. texts.Select(text => WholeText(tokenizer, text))];
    }

    /// <summary>The embedding of a text already tokenised ([CLS] … [SEP]).</summary>
    internal float[] EmbedIds(int[] ids)
    {
        var embeddings = new TextEmbedding[1];
        Run(_session, [0], [new Tokenised(ids, [])], embeddings);
        return embeddings[0].Whole;
    }

    // The model's WordPiece vocabulary, lower-cased and without accents, as the model was trained.
    private static BertTokenizer Tokenizer(MiniLmFiles files) =>
        BertTokenizer.Create(new MemoryStream(files.Vocabulary), new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });

    private static int[] WholeText(BertTokenizer tokenizer, string text) => tokenizer.EncodeToIds(text, MaxTokens, out _, out _).ToArray();

    // The texts in order of length, in batches of up to BatchSize texts and BatchTokens tokens.
    private static IEnumerable<int[]> Batches(Tokenised[] tokens)
    {
        var batch = new List<int>(BatchSize);
        foreach (var i in Enumerable.Range(0, tokens.Length).OrderBy(i => tokens[i].Ids.Length))
        {
            if (batch.Count == BatchSize || (batch.Count + 1) * tokens[i].Ids.Length > BatchTokens)
            {
                yield return [.. batch];
                batch.Clear();
            }

            batch.Add(i);
        }

        if (batch.Count > 0)
        {
            yield return [.. batch];
        }
    }

    private Tokenised Tokenise(string text, IReadOnlyList<Range> parts)
    {
        if (parts.Count < 2)
        {
            var whole = WholeText(_tokenizer, text);
            return new Tokenised(whole, parts.Count == 1 ? [(0, whole.Length)] : []);
        }

        var ids = new List<int>(MaxTokens) { _tokenizer.ClassificationTokenId };
        var spans = new (int Start, int End)[parts.Count];
        var read = 0;
        for (var p = 0; p < parts.Count; p++)
        {
            var (offset, length) = parts[p].GetOffsetAndLength(text.Length);
            ids.AddRange(_tokenizer.EncodeToIds(text[read..offset], addSpecialTokens: false));
            var start = ids.Count;
            ids.AddRange(_tokenizer.EncodeToIds(text.Substring(offset, length), addSpecialTokens: false));
            spans[p] = (Math.Min(start, MaxTokens - 1), Math.Min(ids.Count, MaxTokens - 1));
            read = offset + length;
        }

        ids.AddRange(_tokenizer.EncodeToIds(text[read..], addSpecialTokens: false));

        if (ids.Count > MaxTokens - 1)
        {
            ids.RemoveRange(MaxTokens - 1, ids.Count - (MaxTokens - 1));
        }

        ids.Add(_tokenizer.SeparatorTokenId);
        return new Tokenised([.. ids], spans);
    }

    private static void Run(InferenceSession session, int[] rows, Tokenised[] tokens, TextEmbedding[] embeddings)
    {
        var width = rows.Max(row => tokens[row].Ids.Length);
        var ids = new long[rows.Length * width];
        var mask = new long[rows.Length * width];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = tokens[rows[r]].Ids;
            for (var t = 0; t < row.Length; t++)
            {
                ids[(r * width) + t] = row[t];
                mask[(r * width) + t] = 1;
            }
        }

        long[] shape = [rows.Length, width];
        using var inputIds = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var attention = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["input_ids", "attention_mask", "token_type_ids"], [inputIds, attention, types], ["last_hidden_state"]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        for (var r = 0; r < rows.Length; r++)
        {
            var text = tokens[rows[r]];
            var rowHidden = hidden.Slice(r * width * Dimensions, width * Dimensions);
            var whole = Pool(rowHidden, 0, text.Ids.Length);
            var parts = new float[text.Parts.Length][];
            for (var p = 0; p < parts.Length; p++)
            {
                var (start, end) = text.Parts[p];
                parts[p] = end > start ? Pool(rowHidden, start, end) : whole;
            }

            embeddings[rows[r]] = new TextEmbedding(whole, parts);
        }
    }

    // The average of the token vectors from start to end (exclusive), scaled to unit length.
    private static float[] Pool(ReadOnlySpan<float> hidden, int start, int end)
    {
        var vector = new float[Dimensions];
        for (var t = start; t < end; t++)
        {
            var at = hidden.Slice(t * Dimensions, Dimensions);
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] += at[d];
            }
        }

        var norm = 0f;
        for (var d = 0; d < Dimensions; d++)
        {
            norm += vector[d] * vector[d];
        }

        norm = MathF.Max(MathF.Sqrt(norm), 1e-12f);
        for (var d = 0; d < Dimensions; d++)
        {
            vector[d] /= norm;
        }

        return vector;
    }

    // A text's token ids ([CLS] … [SEP]) and where each of its parts' tokens are.
    private sealed record Tokenised(int[] Ids, (int Start, int End)[] Parts);

    private sealed class Deferred(int threads) : ISentenceEmbedder
    {
        public string ModelName => NameOf(EmbeddingModels.Adapter);

        public int Dimensions => SentenceEncoder.Dimensions;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            Shared(threads).Embed(texts, cancellationToken);

        public TextEmbedding[] EmbedWithParts(IReadOnlyList<string> texts, IReadOnlyList<IReadOnlyList<Range>> parts, CancellationToken cancellationToken = default) =>
            Shared(threads).EmbedWithParts(texts, parts, cancellationToken);
    }
}
