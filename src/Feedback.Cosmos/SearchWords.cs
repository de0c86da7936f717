using System.Globalization;
using System.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// The words of a text as the Cosmos DB inbox searches them: letters, digits and apostrophes, lower case, without
/// accents, each once, as SQLite's FTS5 <c>unicode61</c> tokenizer reads them, and reduced to their stems by the
/// Porter algorithm as its <c>porter</c> tokenizer does, so that "nurse" finds "nurses" on both stores. The same
/// words are written with an item (<c>terms</c>) and taken from what is searched for.
/// </summary>
internal static class SearchWords
{
    /// <summary>The distinct stems of the words of <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c) || c is '\'' or '’')
            {
                word.Append(char.ToLowerInvariant(c == '’' ? '\'' : c));
            }
            else
            {
                Add();
            }
        }

        Add();
        return words;

        void Add()
        {
            if (word.Length > 0 && Stem(word.ToString()) is var stem && seen.Add(stem))
            {
                words.Add(stem);
            }

            word.Clear();
        }
    }

    /// <summary>A word's Porter stem (the stemmer keeps state between calls, so each call has its own).</summary>
    private static string Stem(string word)
    {
        var stemmer = new PorterStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }
}
