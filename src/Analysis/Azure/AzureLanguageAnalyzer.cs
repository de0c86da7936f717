using System.Text.Json.Nodes;
using QualityVoice.Analysis.Local;
using QualityVoice.Analysis.Pii;
using QualityVoice.Analysis.Urgency;

namespace QualityVoice.Analysis.Azure;

/// <summary>
/// Azure AI Language for sentiment (with opinion mining), key phrases and personal information (including
/// UK NHS numbers), within the service's limits: 5,120 characters a document (longer texts are split and the
/// results merged), 10 documents a sentiment or key phrase request, 5 a PII request. Themes always come from the
/// local model, and the local PII and urgency rules always run too, since Azure's phone-number recognition
/// covers US and EU formats only.
/// </summary>
public sealed class AzureLanguageAnalyzer(AzureLanguageClient client, LocalModel model) : ITextAnalyzer
{
    /// <summary>Documents a sentiment request may carry.</summary>
    public const int SentimentBatch = 10;

    /// <summary>Documents a key phrase request may carry.</summary>
    public const int KeyPhraseBatch = 10;

    /// <summary>Documents a PII request may carry.</summary>
    public const int PiiBatch = 5;

    /// <summary>The personal information categories asked for, with the type each becomes.</summary>
    private static readonly IReadOnlyDictionary<string, string> PiiCategories = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Person"] = PiiTypes.Name,
        ["PhoneNumber"] = PiiTypes.PhoneNumber,
        ["Email"] = PiiTypes.EmailAddress,
        ["Address"] = PiiTypes.Address,
        ["UKNationalHealthNumber"] = PiiTypes.NhsNumber,
        ["UKNationalInsuranceNumber"] = PiiTypes.NationalInsuranceNumber,
    };

    /// <inheritdoc />
    public string Name => "azure-language";

    /// <inheritdoc />
    public string ModelVersion => $"{model.Version}+azure-language";

    /// <inheritdoc />
    public async Task<IReadOnlyList<TextAnalysis>> AnalyzeAsync(IReadOnlyList<TextToAnalyse> texts, CancellationToken cancellationToken)
    {
        // Every text becomes one or more documents of at most 5,120 characters; ids are "text.piece".
        // Offsets come back in UTF-16 code units (stringIndexType), the same as .NET strings.
        var pieces = texts
            .SelectMany((text, t) => TextChunks.Split(text.Text).Select((chunk, c) => (Id: $"{t}.{c}", Text: t, chunk.Offset, Chunk: chunk.Text)))
            .ToArray();
        var documents = pieces.Select(piece => (piece.Id, piece.Chunk)).ToArray();

        var sentiment = await RunAsync("SentimentAnalysis", new JsonObject { ["modelVersion"] = "latest", ["opinionMining"] = true, ["stringIndexType"] = "Utf16CodeUnit" }, documents, SentimentBatch, cancellationToken);
        var phrases = await RunAsync("KeyPhraseExtraction", new JsonObject { ["modelVersion"] = "latest" }, documents, KeyPhraseBatch, cancellationToken);
        var pii = await RunAsync(
            "PiiEntityRecognition",
            new JsonObject
            {
                ["modelVersion"] = "latest",
                ["stringIndexType"] = "Utf16CodeUnit",
                ["piiCategories"] = new JsonArray(PiiCategories.Keys.Select(key => (JsonNode)key).ToArray()),
            },
            documents,
            PiiBatch,
            cancellationToken);

        var results = new TextAnalysis[texts.Count];
        for (var t = 0; t < texts.Count; t++)
        {
            var own = pieces.Where(piece => piece.Text == t).ToArray();
            var local = model.Predict(texts[t]);
            var (feeling, score) = MergeSentiment(own.Select(piece => (sentiment.GetValueOrDefault(piece.Id), piece.Chunk.Length)).ToArray(), local.Sentiment, local.Score);
            var azureSpans = own.SelectMany(piece => Entities(pii.GetValueOrDefault(piece.Id), piece.Offset)).ToArray();
            var (redacted, spans) = PiiRedactor.Redact(texts[t].Text, azureSpans);
            var signals = UrgencyDetector.Find(texts[t].Text);
            var (clauses, clauseFeelings) = Sentences(own.Select(piece => (sentiment.GetValueOrDefault(piece.Id), piece.Offset)).ToArray(), texts[t].Text);
            var themeFeelings = model.SentimentByTheme(texts[t], local with { Sentiment = feeling }, clauses, clauseSentiments: clauseFeelings);
            var keyPhrases = own
                .SelectMany(piece => phrases.GetValueOrDefault(piece.Id)?["keyPhrases"]?.AsArray() ?? [])
                .Select(phrase => phrase?.GetValue<string>())
                .OfType<string>()
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(phrase => PiiRedactor.Redact(phrase, []).RedactedText)
                .ToArray();
            results[t] = new TextAnalysis(
                feeling, score, local.Themes, redacted, spans, signals.Count > 0, signals.Select(signal => signal.Reason).ToArray(), keyPhrases, signals, local.NeedsReview, themeFeelings);
        }

        return results;
    }

    private async Task<Dictionary<string, JsonObject>> RunAsync(
        string kind, JsonObject parameters, IReadOnlyList<(string Id, string Text)> documents, int batch, CancellationToken cancellationToken)
    {
        var byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        for (var start = 0; start < documents.Count; start += batch)
        {
            var (results, _) = await client.AnalyzeAsync(kind, (JsonObject)parameters.DeepClone(), documents.Skip(start).Take(batch).ToArray(), cancellationToken);
            foreach (var (id, result) in results)
            {
                byId[id] = result;
            }
        }

        return byId;
    }

    // A text split into pieces: its confidence scores weighted by length; pieces that disagree make it mixed.
    // A document the service could not analyse falls back to the local model's sentiment.
    private static (Sentiment, double) MergeSentiment(IReadOnlyList<(JsonObject? Result, int Length)> pieces, Sentiment localSentiment, double localScore)
    {
        var answered = pieces.Where(piece => piece.Result?["confidenceScores"] is not null).ToArray();
        if (answered.Length == 0)
        {
            return (localSentiment, localScore);
        }

        double positive = 0, negative = 0, total = 0;
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (result, length) in answered)
        {
            var scores = result!["confidenceScores"]!;
            positive += scores["positive"]!.GetValue<double>() * length;
            negative += scores["negative"]!.GetValue<double>() * length;
            total += length;
            labels.Add(result["sentiment"]?.GetValue<string>() ?? "neutral");
        }

        var sentiment = labels.Count == 1
            ? labels.Single() switch
            {
                "positive" => Sentiment.Positive,
                "negative" => Sentiment.Negative,
                "mixed" => Sentiment.Mixed,
                _ => Sentiment.Neutral,
            }
            : labels.Contains("positive") && labels.Contains("negative") || labels.Contains("mixed") ? Sentiment.Mixed
            : labels.Contains("negative") ? Sentiment.Negative
            : Sentiment.Positive;
        return (sentiment, Math.Round((positive - negative) / total, 3));
    }

    // The service's sentences (offsets in the piece, made offsets in the text) and its feeling in each: the clauses
    // a theme's feeling is read from. Without them (a document it could not analyse), the local model's clauses.
    private static (IReadOnlyList<Range> Clauses, IReadOnlyList<Sentiment>? Feelings) Sentences(IReadOnlyList<(JsonObject? Result, int Offset)> pieces, string text)
    {
        var clauses = new List<Range>();
        var feelings = new List<Sentiment>();
        foreach (var (result, offset) in pieces)
        {
            foreach (var sentence in result?["sentences"]?.AsArray() ?? [])
            {
                if (sentence?["offset"]?.GetValue<int>() is not { } start || sentence["length"]?.GetValue<int>() is not { } length
                    || start < 0 || length <= 0 || offset + start + length > text.Length)
                {
                    continue;
                }

                clauses.Add(new Range(offset + start, offset + start + length));
                feelings.Add(sentence["sentiment"]?.GetValue<string>() switch
                {
                    "positive" => Sentiment.Positive,
                    "negative" => Sentiment.Negative,
                    "mixed" => Sentiment.Mixed,
                    _ => Sentiment.Neutral,
                });
            }
        }

        return clauses.Count > 0 ? (clauses, feelings) : (Clauses.Contents(text), null);
    }

    private static IEnumerable<PiiSpan> Entities(JsonObject? result, int offset)
    {
        foreach (var entity in result?["entities"]?.AsArray() ?? [])
        {
            var category = entity?["category"]?.GetValue<string>();
            if (category is null || entity!["offset"] is null || entity["length"] is null)
            {
                continue;
            }

            yield return new PiiSpan(
                PiiCategories.GetValueOrDefault(category, category.ToLowerInvariant()),
                offset + entity["offset"]!.GetValue<int>(),
                entity["length"]!.GetValue<int>());
        }
    }
}
