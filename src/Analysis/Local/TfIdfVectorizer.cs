namespace QualityVoice.Analysis.Local;

/// <summary>
/// Turns a comment into TF-IDF features over two blocks, word terms and character n-grams, each with
/// sublinear term frequency and scaled to unit length, so short comments and long ones weigh alike.
/// </summary>
internal sealed class TfIdfVectorizer
{
    private readonly Dictionary<ulong, int> _index;

    private TfIdfVectorizer(ulong[] terms, float[] idf, int wordTerms, float characterWeight)
    {
        Terms = terms;
        Idf = idf;
        WordTerms = wordTerms;
        CharacterWeight = characterWeight;
        _index = new Dictionary<ulong, int>(terms.Length);
        for (var i = 0; i < terms.Length; i++)
        {
            _index[terms[i]] = i;
        }
    }

    /// <summary>Every term's hash: word terms first, then character n-grams.</summary>
    public ulong[] Terms { get; }

    /// <summary>Each term's inverse document frequency.</summary>
    public float[] Idf { get; }

    /// <summary>How many of the terms are word terms.</summary>
    public int WordTerms { get; }

    /// <summary>The length of the character n-gram block (the word block's is 1).</summary>
    public float CharacterWeight { get; }

    /// <summary>How many features there are.</summary>
    public int FeatureCount => Terms.Length;

    /// <summary>Learns the vocabulary and document frequencies from training texts, keeping terms in at least <paramref name="minDocuments"/>.</summary>
    public static TfIdfVectorizer Fit(IReadOnlyList<(string Text, QuestionKind Question)> texts, int minDocuments, float characterWeight)
    {
        var wordDf = new Dictionary<ulong, int>();
        var charDf = new Dictionary<ulong, int>();
        var words = new List<ulong>();
        var chars = new List<ulong>();
        var seen = new HashSet<ulong>();
        foreach (var (text, question) in texts)
        {
            TermHashes.Extract(text, question, words, chars);
            Count(words, wordDf, seen);
            Count(chars, charDf, seen);
        }

        // Sorted by hash, so the same texts always give the same feature order.
        var keptWords = wordDf.Where(pair => pair.Value >= minDocuments).OrderBy(pair => pair.Key).ToArray();
        var keptChars = charDf.Where(pair => pair.Value >= minDocuments).OrderBy(pair => pair.Key).ToArray();
        var all = keptWords.Concat(keptChars).ToArray();
        var idf = all.Select(pair => (float)(Math.Log((1.0 + texts.Count) / (1.0 + pair.Value)) + 1.0)).ToArray();
        return new TfIdfVectorizer(all.Select(pair => pair.Key).ToArray(), idf, keptWords.Length, characterWeight);
    }

    /// <summary>Rebuilds a vectorizer from a saved model.</summary>
    public static TfIdfVectorizer Load(ulong[] terms, float[] idf, int wordTerms, float characterWeight) =>
        new(terms, idf, wordTerms, characterWeight);

    /// <summary>The features of a text.</summary>
    public SparseVector Transform(string text, QuestionKind question)
    {
        var words = new List<ulong>(64);
        var chars = new List<ulong>(512);
        TermHashes.Extract(text, question, words, chars);
        var counts = new Dictionary<int, int>(words.Count + chars.Count);
        foreach (var term in words)
        {
            Tally(term, counts);
        }

        foreach (var term in chars)
        {
            Tally(term, counts);
        }

        if (counts.Count == 0)
        {
            return SparseVector.Empty;
        }

        var indices = counts.Keys.ToArray();
        Array.Sort(indices);
        var values = new float[indices.Length];
        double wordNorm = 0, charNorm = 0;
        for (var i = 0; i < indices.Length; i++)
        {
            var weight = (float)((1.0 + Math.Log(counts[indices[i]])) * Idf[indices[i]]);
            values[i] = weight;
            if (indices[i] < WordTerms)
            {
                wordNorm += weight * weight;
            }
            else
            {
                charNorm += weight * weight;
            }
        }

        wordNorm = Math.Sqrt(wordNorm);
        charNorm = Math.Sqrt(charNorm) / CharacterWeight;
        for (var i = 0; i < indices.Length; i++)
        {
            values[i] = (float)(values[i] / (indices[i] < WordTerms ? wordNorm : charNorm));
        }

        return new SparseVector(indices, values);
    }

    private void Tally(ulong term, Dictionary<int, int> counts)
    {
        if (_index.TryGetValue(term, out var index))
        {
            counts[index] = counts.GetValueOrDefault(index) + 1;
        }
    }

    private static void Count(List<ulong> terms, Dictionary<ulong, int> df, HashSet<ulong> seen)
    {
        seen.Clear();
        foreach (var term in terms)
        {
            if (seen.Add(term))
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }
    }
}
