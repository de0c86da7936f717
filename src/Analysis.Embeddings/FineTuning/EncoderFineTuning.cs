using System.Diagnostics;
using System.Globalization;
using QualityVoice.Analysis.Training;

namespace QualityVoice.Analysis.Embeddings.FineTuning;

/// <summary>
/// Fine-tunes the embedding model on the labelled comments for <c>./qv train --model embedding</c>: writes the comments
/// (WordPiece ids from the app's own tokenizer, labels, sentiment, question and cross-validation fold), runs
/// eng/fine-tune/fine_tune.py (PyTorch), and reads back an adapter for each fold, fitted without that fold, and one fitted
/// on every comment. The fold adapters let the heads be cross-validated, and fitted, on embeddings of comments the encoder
/// did not learn from (<see cref="CrossFittedEmbedder"/>). docs/adr/0023-fine-tuned-encoder.md.
/// </summary>
public static class EncoderFineTuning
{
    /// <summary>Where the script is, under the repository.</summary>
    public const string ScriptPath = "eng/fine-tune/fine_tune.py";

    /// <summary>Fine-tunes on <paramref name="set"/> with the folds the trainer will cross-validate with.</summary>
    public static FineTunedAdapters Run(MiniLmFiles files, TrainingSet set, int[] folds, string repository, TextWriter progress)
    {
        var work = Directory.CreateTempSubdirectory("qv-fine-tune-");
        try
        {
            var comments = Path.Combine(work.FullName, "comments.tsv");
            var wordPieces = SentenceEncoder.WordPieces(files, set.Comments.Select(comment => comment.Text));
            using (var writer = new StreamWriter(comments))
            {
                for (var i = 0; i < set.Comments.Count; i++)
                {
                    var comment = set.Comments[i];
                    var labels = string.Concat(comment.Labels.Select(label => label ? '1' : '0'));
                    var ids = string.Join(' ', wordPieces[i]);
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{folds[i]}\t{(int)comment.Question}\t{comment.Sentiment ?? -1}\t{labels}\t{ids}"));
                }
            }

            var foldCount = folds.Max() + 1;
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("QV_PYTHON") ?? "/usr/bin/python3")
            {
                ArgumentList = { Path.Combine(repository, ScriptPath), "--model", files.ModelPath, "--comments", comments, "--output", work.FullName, "--folds", foldCount.ToString(CultureInfo.InvariantCulture) },
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            progress.WriteLine($"train: fine-tuning {MiniLmFiles.ModelName} on {set.Comments.Count:N0} comments, {foldCount} folds and all of them (PyTorch; about a quarter of an hour on two cores)");
            using (var python = Start(start))
            {
                for (var line = python.StandardError.ReadLine(); line is not null; line = python.StandardError.ReadLine())
                {
                    progress.WriteLine(line);
                }

                python.WaitForExit();
                if (python.ExitCode != 0)
                {
                    throw new FineTuningException($"{ScriptPath} stopped with exit code {python.ExitCode}. {Needs}");
                }
            }

            var byFold = Enumerable.Range(0, foldCount).Select(f => Read(Path.Combine(work.FullName, $"adapter-fold-{f}.qvea"))).ToArray();
            return new FineTunedAdapters(Read(Path.Combine(work.FullName, "adapter.qvea")), byFold);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private const string Needs =
        "It needs Debian's python3-torch, python3-onnx and libopenblas0-pthread (apt-get install them), or QV_PYTHON naming a Python that has PyTorch and ONNX.";

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new FineTuningException($"{start.FileName} did not start. {Needs}");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new FineTuningException($"{start.FileName} could not be started ({missing.Message}). {Needs}");
        }
    }

    private static EncoderAdapter Read(string path)
    {
        using var file = File.OpenRead(path);
        return EncoderAdapter.Load(file);
    }
}

/// <summary>Fine-tuning could not run, or did not finish; the message says what it needs.</summary>
public sealed class FineTuningException(string message) : Exception(message);

/// <summary>What fine-tuning gave: the adapter fitted on every comment, and one fitted without each fold.</summary>
/// <param name="Final">Fitted on every comment: the one that ships.</param>
/// <param name="ByFold">Fitted without fold f, for each f.</param>
public sealed record FineTunedAdapters(EncoderAdapter Final, IReadOnlyList<EncoderAdapter> ByFold);

/// <summary>
/// Embeds each training comment with the adapter that did not learn from it (the one fitted without its fold), so the
/// heads learn from embeddings like those of comments the shipped encoder has never seen. A text that is not a training
/// comment is embedded with the final adapter. Each fold's encoder is loaded while its comments are embedded, then let go,
/// and its copy of the model deleted.
/// </summary>
public sealed class CrossFittedEmbedder(MiniLmFiles files, FineTunedAdapters adapters, IReadOnlyList<string> texts, int[] folds) : ISentenceEmbedder
{
    private readonly Dictionary<string, int> _foldOf = texts.Select((text, i) => (text, i)).DistinctBy(pair => pair.text).ToDictionary(pair => pair.text, pair => folds[pair.i], StringComparer.Ordinal);

    /// <inheritdoc />
    public string ModelName => SentenceEncoder.NameOf(adapters.Final);

    /// <inheritdoc />
    public int Dimensions => SentenceEncoder.Dimensions;

    /// <inheritdoc />
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        [.. EmbedWithParts(texts, [.. texts.Select(_ => (IReadOnlyList<Range>)[])], cancellationToken).Select(embedding => embedding.Whole)];

    /// <inheritdoc />
    public TextEmbedding[] EmbedWithParts(IReadOnlyList<string> texts, IReadOnlyList<IReadOnlyList<Range>> parts, CancellationToken cancellationToken = default)
    {
        var embeddings = new TextEmbedding[texts.Count];
        foreach (var group in Enumerable.Range(0, texts.Count).GroupBy(i => _foldOf.GetValueOrDefault(texts[i], -1)))
        {
            var adapter = group.Key < 0 ? adapters.Final : adapters.ByFold[group.Key];
            var rows = group.ToArray();
            using (var encoder = new SentenceEncoder(files, adapter))
            {
                var embedded = encoder.EmbedWithParts([.. rows.Select(i => texts[i])], [.. rows.Select(i => parts[i])], cancellationToken);
                for (var r = 0; r < rows.Length; r++)
                {
                    embeddings[rows[r]] = embedded[r];
                }
            }

            // A fold's model is needed only now; the final one is the one the app and the urgency model will load.
            if (adapter != adapters.Final)
            {
                File.Delete(adapter.AdaptedModel(files.ModelPath));
            }
        }

        return embeddings;
    }
}
