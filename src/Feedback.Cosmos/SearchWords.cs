using System.Globalization;
using System.Text;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// The words of a text as the Cosmos DB inbox searches them: letters, digits and apostrophes, lower case, without
/// accents, each once, as SQLite's FTS5 <c>unicode61</c> tokenizer reads them. SQLite also stems (Porter); this does
/// not, so a search on Cosmos DB finds whole words only ("nurse" does not find "nurses").
/// </summary>
internal static class SearchWords
{
    /// <summary>The distinct words of <paramref name="text"/>.</summary>
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
            if (word.Length > 0 && seen.Add(word.ToString()))
            {
                words.Add(word.ToString());
            }

            word.Clear();
        }
    }
}
