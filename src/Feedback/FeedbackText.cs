using System.Text;

namespace QualityVoice.Feedback;

/// <summary>
/// The rules every piece of free text follows: kept exactly as typed (emoji, right-to-left scripts, combining
/// characters, new lines), trimmed only at the ends; control characters other than new lines and tabs refused;
/// a limit counted in characters as people see them (Unicode scalar values, so an emoji is one).
/// </summary>
public static class FeedbackText
{
    /// <summary>The limit on each of the feedback form's text answers.</summary>
    public const int AnswerLimit = 5000;

    /// <summary>
    /// Checks a piece of text. Returns the text to store (null when empty) or an error that names the problem.
    /// </summary>
    /// <param name="text">What was typed.</param>
    /// <param name="limit">The most characters allowed.</param>
    /// <param name="what">How the error names the field, for example "What was good".</param>
    public static TextCheck Check(string? text, int limit, string what)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return new TextCheck(null, null);
        }

        var length = 0;
        var index = 0;
        while (index < trimmed.Length)
        {
            if (Rune.DecodeFromUtf16(trimmed.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return new TextCheck(null, $"{what} contains a character that cannot be read. Remove it and try again.");
            }

            if (IsRefusedControl(rune))
            {
                return new TextCheck(null, $"{what} contains a hidden control character. Remove it and try again.");
            }

            index += consumed;
            length++;
        }

        return length > limit
            ? new TextCheck(null, $"{what} must be {limit:N0} characters or fewer. You have used {length:N0}.")
            : new TextCheck(trimmed, null);
    }

    private static bool IsRefusedControl(Rune rune) =>
        Rune.IsControl(rune) && rune.Value is not ('\n' or '\r' or '\t');
}
