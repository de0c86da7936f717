using System.Collections.Frozen;

namespace QualityVoice.Analysis.Local;

/// <summary>
/// The terms of a comment, as 64-bit hashes so that no substring is ever allocated: words, word pairs (with
/// negation marked), and the character n-grams of each word padded with spaces (lengths 2 to 5). The same
/// text always gives the same hashes, on every machine (FNV-1a, no randomised string hashing).
/// </summary>
internal static class TermHashes
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The shortest and longest character n-grams.</summary>
    public const int MinGram = 2;

    /// <summary>The longest character n-gram.</summary>
    public const int MaxGram = 5;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Negators = new[]
    {
        "not", "no", "never", "nothing", "nobody", "none", "cannot", "cant", "couldnt", "didnt", "doesnt", "dont",
        "hasnt", "havent", "isnt", "wasnt", "werent", "wont", "wouldnt", "shouldnt", "without", "hardly", "lack",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Adds the hashes of a comment's word terms to <paramref name="words"/> and its character n-grams to
    /// <paramref name="chars"/>. When the question is known, each word is also paired with it, so that "nothing"
    /// answering "What was good?" and "nothing" answering "What could we do better?" are different terms.
    /// </summary>
    public static void Extract(string text, QuestionKind question, List<ulong> words, List<ulong> chars)
    {
        words.Clear();
        chars.Clear();
        Span<char> buffer = stackalloc char[64];
        ulong previous = 0;
        var negated = false;
        var index = 0;
        while (index < text.Length)
        {
            var c = text[index];
            if (!IsWordChar(c))
            {
                // Punctuation ends the reach of a negation ("not good, but kind").
                if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\n')
                {
                    negated = false;
                    previous = 0;
                }

                index++;
                continue;
            }

            var length = 0;
            while (index < text.Length && IsWordChar(text[index]))
            {
                var folded = Fold(text[index]);
                if (folded != '\0' && length < buffer.Length)
                {
                    buffer[length++] = folded;
                }

                index++;
            }

            if (length == 0)
            {
                continue;
            }

            var word = buffer[..length];
            var wordHash = Hash(word, seed: 1);
            words.Add(negated ? Mix(wordHash, 0x9E3779B97F4A7C15UL) : wordHash);
            if (question != QuestionKind.Unknown)
            {
                words.Add(Mix(wordHash, 0xC2B2AE3D27D4EB4FUL + (ulong)question));
            }

            if (previous != 0)
            {
                words.Add(Mix(previous, wordHash));
            }

            previous = wordHash;
            if (SentimentLexicon.Cue(word, negated) is { } cue)
            {
                words.Add(cue);
            }

            AddCharGrams(word, chars);
            if (IsNegator(word))
            {
                negated = true;
            }
        }
    }

    private static void AddCharGrams(ReadOnlySpan<char> word, List<ulong> chars)
    {
        // The word padded with a space each side, as " word ".
        var padded = word.Length + 2;
        for (var start = 0; start < padded; start++)
        {
            var hash = Offset ^ 3UL;
            for (var end = start; end < padded && end - start < MaxGram; end++)
            {
                var c = end == 0 || end == padded - 1 ? ' ' : word[end - 1];
                hash = (hash ^ c) * Prime;
                if (end - start + 1 >= MinGram)
                {
                    chars.Add(hash ^ (ulong)(end - start + 1));
                }
            }
        }
    }

    private static ulong Hash(ReadOnlySpan<char> text, ulong seed)
    {
        var hash = Offset ^ seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    private static ulong Mix(ulong a, ulong b) => ((a * 31) ^ b) * Prime;

    private static bool IsNegator(ReadOnlySpan<char> word) => Negators.Contains(word);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '\u2019';

    // Lower case; apostrophes dropped so that "don't" and "dont" are one word.
    private static char Fold(char c) => c is '\'' or '\u2019' ? '\0' : char.ToLowerInvariant(c);
}
