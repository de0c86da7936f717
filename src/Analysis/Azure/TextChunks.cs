namespace QualityVoice.Analysis.Azure;

/// <summary>
/// Splits a text longer than Azure AI Language's document limit (5,120 characters) into pieces, at a sentence
/// end or a space where it can, remembering where each piece starts so results can be put back together.
/// </summary>
internal static class TextChunks
{
    /// <summary>The service's limit on a document, in characters.</summary>
    public const int MaxDocumentLength = 5120;

    /// <summary>The pieces of a text and their offsets in it.</summary>
    public static IReadOnlyList<(int Offset, string Text)> Split(string text, int maxLength = MaxDocumentLength)
    {
        var chunks = new List<(int, string)>();
        var start = 0;
        while (text.Length - start > maxLength)
        {
            var window = text.AsSpan(start, maxLength);
            var cut = window.LastIndexOfAny(".!?\n");
            if (cut < maxLength / 2)
            {
                cut = window.LastIndexOf(' ');
            }

            var length = cut < maxLength / 2 ? maxLength : cut + 1;

            // Never cut a surrogate pair in two.
            if (char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            chunks.Add((start, text.Substring(start, length)));
            start += length;
        }

        chunks.Add((start, text[start..]));
        return chunks;
    }
}
