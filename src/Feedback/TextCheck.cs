namespace QualityVoice.Feedback;

/// <summary>The result of <see cref="FeedbackText.Check"/>.</summary>
/// <param name="Value">The text to store, or null when nothing was typed or it was refused.</param>
/// <param name="Error">What is wrong, in words for the person who typed it; null when it is fine.</param>
public readonly record struct TextCheck(string? Value, string? Error)
{
    /// <summary>Whether the text can be stored.</summary>
    public bool IsValid => Error is null;
}
