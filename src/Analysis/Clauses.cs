using System.Text.RegularExpressions;

namespace QualityVoice.Analysis;

/// <summary>
/// Splits a comment where its feeling may turn: at the end of each sentence, at a semicolon, and before "but",
/// "however", "although", "though", "whereas", "except", "apart from", "other than" and "unfortunately". "The nurses were
/// lovely but I waited six hours" is two clauses, one about staff and one about waiting. A piece of fewer than
/// <see cref="MinimumWords"/> words stays with the clause before it ("Thank you. Great." is one).
/// </summary>
public static partial class Clauses
{
    /// <summary>The fewest words a clause has.</summary>
    public const int MinimumWords = 3;

    /// <summary>
    /// The clauses of <paramref name="text"/>, as ranges that together cover all of it in order, each starting at the
    /// whitespace before it (so that reading the pieces one after another reads the text). One range when it does not split.
    /// </summary>
    public static IReadOnlyList<Range> Split(string text)
    {
        var starts = new List<int> { 0 };
        try
        {
            foreach (Match boundary in Boundary().Matches(text))
            {
                starts.Add(boundary.Index);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return [Range.All];
        }

        starts.Add(text.Length);
        var clauses = new List<Range>();
        for (var i = 0; i + 1 < starts.Count; i++)
        {
            var (start, end) = (starts[i], starts[i + 1]);
            if (clauses.Count > 0 && Words(text.AsSpan(start, end - start)) < MinimumWords)
            {
                clauses[^1] = new Range(clauses[^1].Start, end);
            }
            else if (clauses.Count == 1 && Words(text.AsSpan(0, clauses[0].End.Value)) < MinimumWords)
            {
                clauses[0] = new Range(0, end);
            }
            else
            {
                clauses.Add(new Range(start, end));
            }
        }

        return clauses;
    }

    /// <summary>The words of each clause of <paramref name="text"/> that carry its feeling (<see cref="Split"/>, then <see cref="Content"/>).</summary>
    public static IReadOnlyList<Range> Contents(string text) => [.. Split(text).Select(clause => Content(text, clause))];

    /// <summary>
    /// The words of a clause that carry its feeling: without the whitespace around it or the word that turned to it
    /// ("but I waited six hours" is read as "I waited six hours"; the model learned "but" from comments that were mixed).
    /// </summary>
    public static Range Content(string text, Range clause)
    {
        var (start, end) = clause.GetOffsetAndLength(text.Length) is var (offset, length) ? (offset, offset + length) : default;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (Turn().Match(text, start, end - start) is { Success: true, Index: var at } turn && at == start && turn.Length < end - start)
        {
            start += turn.Length;
        }

        return new Range(start, end);
    }

    private static int Words(ReadOnlySpan<char> text)
    {
        var (words, inWord) = (0, false);
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return words;
    }

    [GeneratedRegex(
        @"(?<=[.!?;])\s+(?=\S)|\s+(?=(?:but|however|although|though|whereas|except|apart from|other than|unfortunately)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex Boundary();

    [GeneratedRegex(
        @"^(?:but|however|although|though|whereas|except|apart from|other than|unfortunately)\b[\s,]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex Turn();
}
