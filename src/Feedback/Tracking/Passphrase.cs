using System.Collections.Frozen;
using System.Reflection;

namespace QualityVoice.Feedback.Tracking;

/// <summary>
/// Four random common words that, with the reference, let a person see what happened to what they said.
/// Shown once, on the confirmation page; only a keyed hash of it is stored (see <see cref="PassphraseHasher"/>).
/// </summary>
public static class Passphrase
{
    /// <summary>How many words a passphrase has.</summary>
    public const int WordCount = 4;

    private static readonly string[] Words = LoadWords();
    private static readonly FrozenSet<string> WordSet = Words.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How many words the list holds (about 10 bits of entropy a word).</summary>
    public static int VocabularySize => Words.Length;

    /// <summary>Makes a new passphrase, its words separated by single spaces.</summary>
    public static string Create(IRandomSource random)
    {
        var chosen = new string[WordCount];
        for (var i = 0; i < chosen.Length; i++)
        {
            chosen[i] = Words[random.Next(Words.Length)];
        }

        return string.Join(' ', chosen);
    }

    /// <summary>
    /// Reads a passphrase as a person might type it: any case, separated by spaces, dashes or commas.
    /// Returns null when it cannot be one of ours, so that a typo costs no database work.
    /// </summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 200)
        {
            return null;
        }

        var words = typed.ToLowerInvariant()
            .Split([' ', '-', ',', '.', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != WordCount || !words.All(WordSet.Contains))
        {
            return null;
        }

        return string.Join(' ', words);
    }

    private static string[] LoadWords()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("QualityVoice.Feedback.Tracking.passphrase-words.txt")
            ?? throw new InvalidOperationException("The passphrase word list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }
}
