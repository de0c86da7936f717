namespace QualityVoice.Feedback;

/// <summary>A number of things in words, for pages, e-mails and the audit log: "1 item", "3 items", "2 kept e-mail copies".</summary>
public static class Counted
{
    /// <summary>
    /// <paramref name="count"/> (with thousands separated) and the word for one, or for more: <paramref name="many"/>
    /// when the word does not just take an s.
    /// </summary>
    public static string Of(int count, string one, string? many = null) => $"{count:N0} {(count == 1 ? one : many ?? one + "s")}";
}
