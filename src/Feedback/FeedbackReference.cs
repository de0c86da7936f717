using System.Diagnostics.CodeAnalysis;

namespace QualityVoice.Feedback;

/// <summary>
/// The reference a person is given when they submit, such as <c>QV-7K3M-9XQ2</c>. Its alphabet leaves out
/// characters that look alike (0 and O, 1, I and L) so that it can be read aloud and typed from paper.
/// </summary>
public static class FeedbackReference
{
    /// <summary>Characters a reference is made of.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>The prefix of patient and carer feedback references.</summary>
    public const string FeedbackPrefix = "QV";

    /// <summary>The prefix of Freedom to Speak Up case references.</summary>
    public const string SpeakUpPrefix = "SU";

    private const int GroupLength = 4;

    /// <summary>Makes a new random reference with the given prefix.</summary>
    public static string Create(string prefix, IRandomSource random)
    {
        Span<char> chars = stackalloc char[GroupLength * 2];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return $"{prefix}-{chars[..GroupLength]}-{chars[GroupLength..]}";
    }

    /// <summary>
    /// Reads a reference as a person might type it: any case, with or without the dashes, with spaces.
    /// Returns false for anything that cannot be a reference with the given prefix.
    /// </summary>
    public static bool TryNormalise(string? typed, string prefix, [NotNullWhen(true)] out string? reference)
    {
        reference = null;
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return false;
        }

        Span<char> compact = stackalloc char[typed.Length];
        var length = 0;
        foreach (var c in typed)
        {
            if (c is '-' or ' ' or '\t')
            {
                continue;
            }

            compact[length++] = char.ToUpperInvariant(c);
        }

        var body = compact[..length];
        if (body.StartsWith(prefix, StringComparison.Ordinal))
        {
            body = body[prefix.Length..];
        }

        if (body.Length != GroupLength * 2)
        {
            return false;
        }

        foreach (var c in body)
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        reference = $"{prefix}-{body[..GroupLength]}-{body[GroupLength..]}";
        return true;
    }
}
